using AiBench.Core.Comparing;
using AiBench.Core.Results;
using AiBench.Core.Units;
using AiBench.Reporting.Charts;
using AiBench.Reporting.Figures;
using AiBench.Reporting.Systems;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Comparison;

/// <summary>
/// Lines up the same measurement (by <see cref="Measurement.Key"/>) across runs. Each figure is judged against the
/// first run that has it by <see cref="RunComparer.Judge"/> at <see cref="Threshold"/>: the verdicts compare gives.
/// </summary>
public sealed record ComparisonTable(IReadOnlyList<ReportedSystem> Systems, IReadOnlyList<ComparisonRow> Rows, double Threshold)
{
    public IReadOnlyList<Run> Runs => Systems.Select(s => s.Run).ToList();

    public static ComparisonTable Build(IReadOnlyList<Run> runs, double threshold = RunComparer.DefaultThreshold) =>
        Build(ReportedSystem.Of(runs), threshold);

    public static ComparisonTable Build(IReadOnlyList<ReportedSystem> systems, double threshold = RunComparer.DefaultThreshold)
    {
        IReadOnlyList<Run> runs = systems.Select(s => s.Run).ToList();
        // First occurrence of a key within a run wins; keys in the order the runs first measured them.
        List<Dictionary<string, Measurement>> byKey = runs
            .Select(r => r.Measurements.DistinctBy(m => m.Key).ToDictionary(m => m.Key, StringComparer.Ordinal))
            .ToList();
        ParameterDisplay display = ParameterDisplay.Of(runs);
        IReadOnlyDictionary<string, double> units = ChartUnits.ReferenceByKey(ComparisonCharts.Plan(systems));
        List<Measurement> firsts = runs.SelectMany(r => r.Measurements).DistinctBy(m => m.Key).ToList();
        List<ComparisonRow> rows = firsts
            .GroupBy(m => m.Benchmark, StringComparer.Ordinal)
            .SelectMany(g => g)
            .Select(m => Row(m, byKey, display, threshold, units))
            .ToList();
        return new ComparisonTable(systems, rows, threshold);
    }

    /// <summary>
    /// The row's warnings (<see cref="FigureFlags"/>: noisy beyond the stated limit, above the datasheet peak, n/a), each
    /// named by its system when there are several; "" when none. A flagged figure's change is no more solid than its spread.
    /// </summary>
    public string Flags(ComparisonRow row) => string.Join("; ", row.Cells
        .Select((cell, i) => (Cell: cell, System: i))
        .Where(t => t.Cell is not null)
        .SelectMany(t => FigureFlags.Of(t.Cell!.Measurement).Select(f => Systems.Count > 1 ? $"{Systems[t.System].Label}: {f.Text}" : f.Text)));

    /// <summary>Column heading for a run: its system label, the name its colour goes by in the charts.</summary>
    public string RunHeading(int index) => Systems[index].Label;

    private static ComparisonRow Row(Measurement first, List<Dictionary<string, Measurement>> byKey, ParameterDisplay display, double threshold,
        IReadOnlyDictionary<string, double> units)
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

            ComparedMeasurement? compared = null;
            if (reference is null)
            {
                reference = m;
            }
            else if (!FigureFlags.IsUndefined(reference) && !FigureFlags.IsUndefined(m))
            {
                compared = RunComparer.Judge(reference, m, threshold);
            }

            // The unit of the chart the figure is drawn in; the reference's own when it is not charted.
            (double scaled, string unit) = UnitFormatter.ScaleLike(m.Value, units.TryGetValue(key, out double axis) ? axis : reference.Value, m.Unit);
            cells.Add(new ComparisonCell(
                m,
                FigureFlags.UndefinedReason(m) is { } undefined ? $"n/a ({undefined})" : $"{UnitFormatter.FormatNumber(scaled)} {unit}",
                m.Baseline is { } b ? MeasurementText.Efficiency(b.Efficiency) : null,
                compared));
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
