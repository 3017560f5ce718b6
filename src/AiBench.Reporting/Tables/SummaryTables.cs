using AiBench.Core.Results;
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
    public static IReadOnlyList<BenchmarkTable> Build(Run run) =>
        run.Measurements
            .GroupBy(m => m.Benchmark, StringComparer.Ordinal)
            .Select(g =>
            {
                List<Measurement> rows = g.ToList();
                HashSet<string> varying = VaryingParameters(rows);
                string common = MeasurementText.DisplayParams(rows[0].Params, p => !varying.Contains(p));
                return new BenchmarkTable(g.Key, rows.Select(m => ToRow(m, varying.Contains)).ToList()) { CommonParameters = common };
            })
            .ToList();

    /// <summary>The parameters whose value is not the same in every one of <paramref name="measurements"/>.</summary>
    public static HashSet<string> VaryingParameters(IReadOnlyCollection<Measurement> measurements) =>
        measurements.SelectMany(m => m.Params.Keys).Distinct(StringComparer.Ordinal)
            .Where(p => measurements.Select(m => m.Params.TryGetValue(p, out var v) ? v.ToString() : "").Distinct(StringComparer.Ordinal).Count() > 1)
            .ToHashSet(StringComparer.Ordinal);

    public static SummaryRow ToRow(Measurement m, Func<string, bool> shown) => new(
        m,
        Case: MeasurementText.DisplayParams(m.Params, shown) is { Length: > 0 } text ? text : "—",
        Labels: MeasurementText.DisplayLabels(m.Labels),
        Metric: m.Metric,
        Median: FigureFlags.UndefinedReason(m) is { } undefined ? $"n/a ({undefined})" : MeasurementText.Median(m),
        Spread: FigureFlags.IsUndefined(m) ? "—" : MeasurementText.Spread(m),
        SampleCount: MeasurementText.SampleCount(m),
        PercentOfPeak: MeasurementText.PercentOfPeak(m),
        Correctness: MeasurementText.Correctness(m),
        Verdict: MeasurementText.Verdict(m.Verdict));
}
