using AiBench.Core.Results;
using AiBench.Reporting.Charts;
using AiBench.Reporting.Figures;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Tables;

/// <summary>Builds the per-benchmark summary tables that the Markdown and HTML reports both render.</summary>
public static class SummaryTables
{
    /// <summary>
    /// One table per benchmark, benchmarks and rows in the order the run measured them. A row's case names the
    /// parameters that vary within its benchmark; those every row shares are said once above the table.
    /// </summary>
    public static IReadOnlyList<BenchmarkTable> Build(Run run)
    {
        ParameterDisplay display = ParameterDisplay.Of(run);
        IReadOnlyDictionary<string, double> charted = ChartUnits.ReferenceByKey(ChartPlanner.Plan(run));
        return run.Measurements
            .GroupBy(m => m.Benchmark, StringComparer.Ordinal)
            .Select(g =>
            {
                List<Measurement> rows = g.ToList();
                HashSet<string> varying = VaryingParameters(rows);
                string common = display.Params(rows[0], p => !varying.Contains(p));
                // A charted figure takes its chart's axis unit, so table and chart say TFLOP/s alike; one not charted, its metric's.
                var reference = rows.Where(m => double.IsFinite(m.Value)).GroupBy(m => (m.Metric, m.Unit))
                    .ToDictionary(r => r.Key, r => UnitReference.Of(r.Select(m => m.Value)));
                return new BenchmarkTable(g.Key, rows.Select(m => ToRow(m, varying.Contains, display,
                    charted.TryGetValue(m.Key, out double axis) ? axis : reference.GetValueOrDefault((m.Metric, m.Unit)))).ToList())
                {
                    CommonParameters = common,
                };
            })
            .ToList();
    }

    /// <summary>The parameters whose value is not the same in every one of <paramref name="measurements"/>.</summary>
    public static HashSet<string> VaryingParameters(IReadOnlyCollection<Measurement> measurements) =>
        measurements.SelectMany(m => m.Params.Keys).Distinct(StringComparer.Ordinal)
            .Where(p => measurements.Select(m => m.Params.TryGetValue(p, out var v) ? v.ToString() : "").Distinct(StringComparer.Ordinal).Count() > 1)
            .ToHashSet(StringComparer.Ordinal);

    /// <param name="reference">The value whose unit prefix the median takes (0: the median's own).</param>
    public static SummaryRow ToRow(Measurement m, Func<string, bool> shown, ParameterDisplay display, double reference = 0) => new(
        m,
        Case: display.Params(m, shown) is { Length: > 0 } text ? text : "—",
        Labels: MeasurementText.DisplayLabels(m.Labels),
        Metric: m.Metric,
        Median: FigureFlags.UndefinedReason(m) is { } undefined ? $"n/a ({undefined})"
            : reference > 0 && double.IsFinite(m.Value) ? MeasurementText.Median(m, reference)
            : MeasurementText.Median(m),
        Spread: FigureFlags.IsUndefined(m) ? "—" : MeasurementText.Spread(m),
        SampleCount: MeasurementText.SampleCount(m),
        PercentOfPeak: MeasurementText.PercentOfPeak(m),
        Correctness: MeasurementText.Correctness(m),
        Verdict: MeasurementText.Verdict(m.Verdict));
}
