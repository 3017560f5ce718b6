using AiBench.Benchmarks.Cpu;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Units;
using Xunit;

namespace AiBench.Tests.Cpu;

public class CpuGemmBenchmarkTests
{
    private static readonly SystemInfo ThisMachine = SystemInfoCollector.Collect();

    [Fact]
    public void Default_sweep_is_both_dtypes_at_1024()
    {
        IReadOnlyList<BenchmarkCase> cases = new CpuGemmBenchmark().Parameters.Expand(new Dictionary<string, string>());
        Assert.Equal(["fp32", "fp64"], cases.Select(c => c.GetText("dtype")));
        Assert.All(cases, c => Assert.Equal(1024, c.GetInt64("m") * c.GetInt64("n") * c.GetInt64("k") / (1024 * 1024)));
    }

    [Fact]
    public void The_checker_counts_outputs_of_a_product_never_computed_as_wrong()
    {
        // Needs no BLAS: C is never written, so no sampled output can match the reference.
        using GemmOperands<float> operands = GemmOperands<float>.Create(m: 33, n: 17, k: 65, seed: 1);
        Assert.Equal(new Correctness(64, 64), operands.Check(count: 64, seed: 2));
    }

    [Theory]
    [InlineData("fp32")]
    [InlineData("fp64")]
    public async Task A_small_product_yields_correct_flops_or_openblas_is_reported_missing(string dtype)
    {
        var benchmark = new CpuGemmBenchmark();
        Availability availability = benchmark.Probe(ThisMachine);
        if (!availability.IsReady)
        {
            // Machines without libopenblas0 must say so, and how to fix it.
            Assert.Contains("libopenblas0", availability.Reason, StringComparison.Ordinal);
            return;
        }

        BenchmarkCase benchmarkCase = Assert.Single(benchmark.Parameters.Expand(new Dictionary<string, string>
        {
            ["dtype"] = dtype, ["m"] = "96", ["n"] = "80", ["k"] = "300",
        }));
        var context = new BenchmarkContext { Case = benchmarkCase, Policy = MeasurementPolicy.Quick, System = ThisMachine };

        Measurement m = Assert.Single(await benchmark.RunAsync(context, CancellationToken.None).ToListAsync());

        Assert.Equal("cpu.gemm", m.Benchmark);
        Assert.Equal("throughput", m.Metric);
        Assert.Equal(Unit.FlopsPerSecond, m.Unit);
        Assert.Equal(Direction.Higher, m.Better);
        Assert.All(m.Samples, s => Assert.True(double.IsFinite(s) && s > 0));
        Assert.InRange(m.Stats!.Median, 1e5, 1e15);
        Assert.Equal(new Correctness(64, 0), m.Correct);
        Assert.Equal(dtype, m.Params["dtype"].AsText());
    }

    [Fact]
    public async Task A_shape_larger_than_memory_is_bad_input_not_a_crash()
    {
        var benchmark = new CpuGemmBenchmark();
        BenchmarkCase huge = Assert.Single(benchmark.Parameters.Expand(new Dictionary<string, string>
        {
            ["dtype"] = "fp64", ["m"] = "2147483647", ["n"] = "2147483647", ["k"] = "2147483647",
        }));
        var context = new BenchmarkContext { Case = huge, Policy = MeasurementPolicy.Quick, System = ThisMachine };

        Exception e = await Assert.ThrowsAnyAsync<Exception>(() => benchmark.RunAsync(context, CancellationToken.None).ToListAsync().AsTask());
        Assert.True(e is BadInputException or CouldNotRunException, e.ToString());
    }

    [Theory]
    [InlineData(new[] { "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl" }, "SkylakeX")]
    [InlineData(new[] { "avx", "avx2", "fma" }, "Haswell")]
    [InlineData(new[] { "avx" }, null)]
    [InlineData(new[] { "asimd", "sve" }, null)]
    public void OpenBlas_kernels_follow_the_cpu_flags(string[] flags, string? expected) =>
        Assert.Equal(expected, OpenBlasCoreType.ChooseFromFlags(flags));
}
