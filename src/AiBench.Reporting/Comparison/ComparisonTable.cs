using AiBench.Core.Results;
using AiBench.Core.Units;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Comparison;

/// <summary>
/// Lines up the same measurement (by <see cref="Measurement.Key"/>) across runs. The change is the ratio of
/// medians against the first run that has the figure; it describes, it does not test (the regression gate
/// decides significance from the raw samples).
/// </summary>
public sealed record ComparisonTable(IReadOnlyList<Run> Runs, IReadOnlyList<ComparisonRow> Rows)
{
    public static ComparisonTable Build(IReadOnlyList<Run> runs)
    {
        // First occurrence of a key within a run wins; keys in the order the runs first measured them.
        List<Dictionary<string, Measurement>> byKey = runs
            .Select(r => r.Measurements.DistinctBy(m => m.Key).ToDictionary(m => m.Key, StringComparer.Ordinal))
            .ToList();
        ParameterDisplay display = ParameterDisplay.Of(runs);
        List<Measurement> firsts = runs.SelectMany(r => r.Measurements).DistinctBy(m => m.Key).ToList();
        List<ComparisonRow> rows = firsts
            .GroupBy(m => m.Benchmark, StringComparer.Ordinal)
            .SelectMany(g => g)
            .Select(m => Row(m, byKey, display))
            .ToList();
        return new ComparisonTable(runs, rows);
    }

    /// <summary>Column heading for a run: its short chart name (<c>#1 node17</c>) and run id.</summary>
    public string RunHeading(int index) => $"{ComparisonCharts.ShortName(Runs, index)} · {Runs[index].RunId}";

    private static ComparisonRow Row(Measurement first, List<Dictionary<string, Measurement>> byKey, ParameterDisplay display)
    {
        string key = first.Key;
        Measurement? reference = null;
        var cells = new List<ComparisonCell?>(byKey.Count);
        foreach (Dictionary<string, Measurement> run in byKey)
        {
            if (!run.TryGetValue(key, out Measurement? m))
            {
                cells.Add(null);
                continue;
            }

            double? change = null;
            if (reference is null)
            {
                reference = m;
            }
            else if (reference.Value != 0 && double.IsFinite(reference.Value))
            {
                change = m.Value / reference.Value - 1;
            }

            (double scaled, string unit) = UnitFormatter.ScaleLike(m.Value, reference.Value, m.Unit);
            cells.Add(new ComparisonCell(
                m,
                $"{UnitFormatter.FormatNumber(scaled)} {unit}",
                m.Baseline is { } b ? MeasurementText.Efficiency(b.Efficiency) : null,
                change));
        }

        return new ComparisonRow(
            first.Benchmark,
            key,
            first.Params.Count > 0 ? display.Params(first) : "—",
            MeasurementText.DisplayLabels(first.Labels),
            first.Metric,
            cells);
    }
}
