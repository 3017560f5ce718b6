using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Reporting.Charts;
using Xunit;

namespace AiBench.Tests.Reporting;

public class ChartPlannerTests
{
    private static readonly IReadOnlyList<ChartSpec> Specs = ChartPlanner.Plan(ReportingSampleRun.Create());

    [Fact]
    public void Plans_one_chart_per_benchmark_and_metric() =>
        Assert.Equal(["gpu.matmul.throughput", "net.allreduce.busbw", "net.allreduce.time"], Specs.Select(s => s.FileStem));

    [Fact]
    public void A_varying_size_parameter_makes_a_sweep_with_a_line_per_other_varying_parameter()
    {
        ChartSpec busbw = Specs.Single(s => s.Metric == "busbw");
        Assert.True(busbw.IsSweep);
        Assert.Equal("bytes", busbw.SweepParameter);
        Assert.Equal(["mode=in-place", "mode=out-of-place"], busbw.Series.Select(s => s.Name));
        Assert.Equal(ReportingSampleRun.SweepSizes.Select(b => Math.Log2(b)), busbw.Series[0].Points.Select(p => p.X));
    }

    [Fact]
    public void Constant_sizes_make_a_bar_chart_labelled_by_what_varies()
    {
        ChartSpec matmul = Specs.Single(s => s.Benchmark == "gpu.matmul");
        Assert.False(matmul.IsSweep);
        Assert.Equal(["dtype=bf16", "dtype=fp16", "dtype=fp8-e4m3"], matmul.Series.Single().Points.Select(p => p.Label));
    }

    [Fact]
    public void A_square_sweep_is_one_line_not_one_per_co_varying_dimension()
    {
        Run run = ReportingSampleRun.Create() with
        {
            Measurements = [.. new[] { 1024, 2048, 4096, 8192 }.Select(s => Gemm(s))],
        };
        ChartSpec spec = Assert.Single(ChartPlanner.Plan(run));
        Assert.Equal("m", spec.SweepParameter);
        Assert.Equal(4, Assert.Single(spec.Series).Points.Count);
    }

    [Theory]
    [InlineData("gpu.matmul.throughput", "gpu.matmul.throughput")]
    [InlineData("Net All/Reduce: µs", "net-all-reduce-s")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("...", "chart")]
    public void File_names_are_safe(string text, string expected) =>
        Assert.Equal(expected, ChartFileName.Sanitize(text));

    [Fact]
    public void File_names_are_made_unique()
    {
        var taken = new HashSet<string>();
        Assert.Equal("a.b", ChartFileName.Unique("a.b", taken));
        Assert.Equal("a.b-2", ChartFileName.Unique("A.B", taken));
    }

    [Fact]
    public void Any_figure_with_a_sample_interval_gets_a_timeline_whichever_benchmark_made_it()
    {
        Measurement sliced = Gemm(4096) with
        {
            Benchmark = "some.future.benchmark",
            Samples = [1e11, 0.9e11, 1.1e11],
            Info = new Dictionary<string, string> { [InfoKeys.SampleIntervalSeconds] = SampleInterval.Text(0.5) },
        };
        Run run = ReportingSampleRun.Create() with { Measurements = [sliced, Gemm(8192)] };

        IReadOnlyList<ChartSpec> specs = ChartPlanner.Plan(run);

        ChartSpec timeline = Assert.Single(specs, s => s.FileStem.Contains("timeline", StringComparison.Ordinal));
        Assert.Equal("some.future.benchmark", timeline.Benchmark);
        Assert.Equal(0.5, SampleInterval.Of(sliced));
        Assert.Null(SampleInterval.Of(Gemm(8192)));
    }

    private static Measurement Gemm(int size) => new()
    {
        Benchmark = "cpu.gemm",
        Metric = "throughput",
        Unit = "FLOP/s",
        Better = Direction.Higher,
        Params = new Dictionary<string, ParameterValue>
        {
            ["m"] = ParameterValue.Of(size), ["n"] = ParameterValue.Of(size), ["k"] = ParameterValue.Of(size),
        },
        Samples = [1e11 * size / 8192],
    };
}
