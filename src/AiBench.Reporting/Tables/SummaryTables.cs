using AiBench.Core.Results;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Tables;

/// <summary>Builds the per-benchmark summary tables that the Markdown and HTML reports both render.</summary>
public static class SummaryTables
{
    /// <summary>One table per benchmark, benchmarks and rows in the order the run measured them.</summary>
    public static IReadOnlyList<BenchmarkTable> Build(Run run) =>
        run.Measurements
            .GroupBy(m => m.Benchmark, StringComparer.Ordinal)
            .Select(g => new BenchmarkTable(g.Key, g.Select(ToRow).ToList()))
            .ToList();

    public static SummaryRow ToRow(Measurement m) => new(
        m,
        Case: m.Params.Count > 0 ? MeasurementText.DisplayParams(m.Params) : "—",
        Labels: MeasurementText.DisplayLabels(m.Labels),
        Metric: m.Metric,
        Median: MeasurementText.Median(m),
        Spread: MeasurementText.Spread(m),
        SampleCount: MeasurementText.SampleCount(m),
        PercentOfPeak: MeasurementText.PercentOfPeak(m),
        Correctness: MeasurementText.Correctness(m),
        Verdict: MeasurementText.Verdict(m.Verdict));
}
