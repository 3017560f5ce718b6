using AiBench.Core.Results;

namespace AiBench.Reporting.Charts;

/// <summary>
/// The unit each figure takes in a table: its chart's axis unit, so a figure never reads PFLOP/s in the table beside
/// a TFLOP/s axis (a bar family's axis is picked over all its metrics and systems, a table's row would pick its own).
/// </summary>
public static class ChartUnits
{
    /// <summary>Per <see cref="Measurement.Key"/>, the reference value of the first value chart that draws it; timelines (samples over time) are left out.</summary>
    public static IReadOnlyDictionary<string, double> ReferenceByKey(IEnumerable<ChartSpec> charts)
    {
        var references = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (ChartSpec chart in charts.Where(c => !c.IsTimeline))
        {
            double reference = chart.ValueReference;
            foreach (Measurement m in chart.Measurements)
            {
                references.TryAdd(m.Key, reference);
            }
        }

        return references;
    }
}
