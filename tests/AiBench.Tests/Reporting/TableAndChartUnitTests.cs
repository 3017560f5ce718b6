using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Reporting.Charts;
using AiBench.Reporting.Comparison;
using AiBench.Reporting.Tables;
using Xunit;

namespace AiBench.Tests.Reporting;

/// <summary>A figure reads in the unit of the chart it is drawn in, in the run report's table and the comparison's alike.</summary>
public class TableAndChartUnitTests
{
    [Fact]
    public void The_comparison_writes_fp8_in_the_TFLOPs_its_chart_axis_uses()
    {
        Run before = ReportingSampleRun.Create();
        Run after = ReportingSampleRun.Create(matmulScale: 0.9) with { RunId = "second" };

        ComparisonTable table = ComparisonTable.Build([before, after]);
        ChartSpec matmul = ComparisonCharts.Plan([before, after]).Single(c => c.Benchmark == "gpu.matmul");
        string svg = ChartRenderer.RenderSvg(matmul);

        ComparisonRow fp8 = table.Rows.Single(r => r.Benchmark == "gpu.matmul" && r.Case.Contains("fp8", StringComparison.Ordinal));
        Assert.Contains("throughput (TFLOP/s)", svg, StringComparison.Ordinal);
        Assert.All(fp8.Cells, c => Assert.EndsWith(" TFLOP/s", c!.Median, StringComparison.Ordinal));
        Assert.Matches(@"^10[0-9]{2} TFLOP/s$", fp8.Cells[0]!.Median);
    }

    [Fact]
    public void A_bar_family_the_table_would_split_takes_the_axis_unit_in_the_run_report()
    {
        // Per metric the table would pick the median (700 TFLOP/s); the chart of the two large dtypes picks PFLOP/s.
        Run run = ReportingSampleRun.Create() with
        {
            Measurements = [Throughput("fp32", 50e12), Throughput("bf16", 700e12), Throughput("fp8", 1300e12)],
        };

        IReadOnlyList<ChartSpec> charts = ChartPlanner.Plan(run);
        BenchmarkTable table = SummaryTables.Build(run).Single();

        Assert.Equal(2, charts.Count);
        string large = ChartRenderer.RenderSvg(charts.Single(c => c.Measurements.Any(m => m.Value > 1e15)));
        Assert.Contains("throughput (PFLOP/s)", large, StringComparison.Ordinal);
        Assert.Equal(["50 TFLOP/s", "0.7 PFLOP/s", "1.3 PFLOP/s"], table.Rows.Select(r => r.Median));
    }

    private static Measurement Throughput(string dtype, double level)
    {
        double[] samples = Enumerable.Range(0, 10).Select(i => level * (1 + (i - 4.5) * 0.001)).ToArray();
        return new Measurement
        {
            Benchmark = "gpu.matmul", Metric = "throughput", Unit = "FLOP/s", Better = Direction.Higher,
            Params = new Dictionary<string, ParameterValue> { ["dtype"] = ParameterValue.Of(dtype) },
            Samples = samples,
            Stats = SampleStatisticsEstimator.Estimate(samples),
        };
    }
}
