using AiBench.Benchmarks.Cpu;
using AiBench.Core.Benchmarks;
using AiBench.Core.Hosts;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Units;
using Xunit;

namespace AiBench.Tests.Cpu;

public class CpuMemoryBenchmarkTests
{
    private static readonly SystemInfo ThisMachine = SystemInfoCollector.Collect();

    [Fact]
    public void Default_sweep_is_the_four_kernels_on_all_cores()
    {
        var benchmark = new CpuMemoryBenchmark();
        IReadOnlyList<BenchmarkCase> cases = benchmark.Parameters.Expand(new Dictionary<string, string>());
        Assert.Equal(["copy", "scale", "add", "triad"], cases.Select(c => c.GetText("kernel")));
        Assert.All(cases, c => Assert.Equal(0, c.GetInt64("threads")));
    }

    [Fact]
    public void The_native_engine_loads() => Assert.True(new CpuMemoryBenchmark().Probe(ThisMachine).IsReady, new CpuMemoryBenchmark().Probe(ThisMachine).ToString());

    [Theory]
    [InlineData("copy")]
    [InlineData("triad")]
    public async Task A_small_run_yields_a_correct_bandwidth(string kernel)
    {
        var benchmark = new CpuMemoryBenchmark();
        BenchmarkCase benchmarkCase = Assert.Single(benchmark.Parameters.Expand(new Dictionary<string, string>
        {
            ["kernel"] = kernel, ["size"] = "4MiB", ["threads"] = "2",
        }));
        var context = new BenchmarkContext { Case = benchmarkCase, Policy = MeasurementPolicy.Quick, System = ThisMachine };

        Measurement m = Assert.Single(await benchmark.RunAsync(context, CancellationToken.None).ToListAsync());

        Assert.Equal("cpu.memory", m.Benchmark);
        Assert.Equal(kernel, m.Metric);
        Assert.Equal(Unit.BytesPerSecond, m.Unit);
        Assert.Equal(Direction.Higher, m.Better);
        Assert.NotEmpty(m.Samples);
        // Only sanity: tests share two cores with other tests, so single samples can be very slow.
        Assert.All(m.Samples, s => Assert.True(double.IsFinite(s) && s > 0));
        Assert.InRange(m.Stats!.Median, 1e6, 1e13);
        Assert.Equal(new Correctness(3 * (4L << 20) / 8, 0), m.Correct);
        Assert.Equal("2", m.Info!["threads"]);
        Assert.Equal((4L << 20).ToString(System.Globalization.CultureInfo.InvariantCulture), m.Info["arrayBytes"]);
        Assert.Null(m.Resolved); // nothing was left to the benchmark
    }

    [Fact]
    public async Task Size_auto_and_threads_0_record_what_they_became()
    {
        var benchmark = new CpuMemoryBenchmark();
        BenchmarkCase benchmarkCase = Assert.Single(benchmark.Parameters.Expand(new Dictionary<string, string> { ["kernel"] = "copy" }));
        var context = new BenchmarkContext { Case = benchmarkCase, Policy = MeasurementPolicy.Quick, System = ThisMachine };

        Measurement m = Assert.Single(await benchmark.RunAsync(context, CancellationToken.None).ToListAsync());

        Assert.Equal("auto", m.Params["size"].AsText());
        long expected = StreamArraySize.Auto(ThisMachine) / sizeof(double) * sizeof(double);
        Assert.Equal(expected, m.Resolved!["size"].AsInt64());
        Assert.Equal(m.Info!["arrayBytes"], m.Resolved["size"].ToString());
        Assert.Equal(m.Info["threads"], m.Resolved["threads"].ToString());
        Assert.True(m.Resolved["threads"].AsInt64() >= 1);
    }

    [Fact]
    public void Validation_catches_a_kernel_that_did_not_run()
    {
        using StreamArrays arrays = StreamArrays.Create(elements: 1000, threads: 2);
        // Initialised but never run: triad's output array still holds the initial value.
        Assert.Equal((3000L, 1000L), arrays.Validate(StreamKernel.Triad));
        arrays.Run(StreamKernel.Triad, repetitions: 3);
        Assert.Equal((3000L, 0L), arrays.Validate(StreamKernel.Triad));
    }
}
