using AiBench.Benchmarks.Gpu;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Cuda;
using Xunit;

namespace AiBench.Tests.Gpu;

/// <summary>Behaviour on a machine without a GPU (this one): unavailable with a reason, never a crash.</summary>
public class GpuProbeTests
{
    private static bool HasGpu => CudaDriver.TryInitialize(out _);

    [Fact]
    public void Ids_and_titles()
    {
        Assert.Equal("gpu.matmul", new GpuMatmulBenchmark().Id);
        Assert.Equal("gpu.memory", new GpuMemoryBenchmark().Id);
        Assert.False(string.IsNullOrWhiteSpace(new GpuMatmulBenchmark().Title));
    }

    [SkippableFact]
    public void Without_a_gpu_both_probes_say_no_cuda_device()
    {
        Skip.If(HasGpu, "a CUDA device is present; this test is about machines without one");

        foreach (IBenchmark benchmark in (IBenchmark[])[new GpuMatmulBenchmark(), new GpuMemoryBenchmark()])
        {
            Availability availability = benchmark.Probe(SystemInfo.Unknown);
            Assert.False(availability.IsReady);
            Assert.Contains("no CUDA device", availability.Reason, StringComparison.Ordinal);
            Assert.Contains("libcuda.so.1", availability.Reason, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Without_a_gpu_running_is_could_not_run()
    {
        Skip.If(HasGpu, "a CUDA device is present; this test is about machines without one");

        var benchmark = new GpuMemoryBenchmark();
        var context = new BenchmarkContext
        {
            Case = benchmark.Parameters.Expand(new Dictionary<string, string> { ["test"] = "triad" })[0],
            Policy = MeasurementPolicy.Quick,
            System = SystemInfo.Unknown,
        };
        CouldNotRunException e = await Assert.ThrowsAsync<CouldNotRunException>(async () =>
        {
            await foreach (var _ in benchmark.RunAsync(context, CancellationToken.None))
            {
            }
        });
        Assert.Contains("no CUDA device", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_parameters_are_bad_input_before_any_gpu_work()
    {
        var benchmark = new GpuMatmulBenchmark();
        BenchmarkCase fp8 = benchmark.Parameters.Expand(
            new Dictionary<string, string> { ["dtype"] = "fp8", ["m"] = "1000" })[0];
        var context = new BenchmarkContext { Case = fp8, Policy = MeasurementPolicy.Quick, System = SystemInfo.Unknown };
        BadInputException e = await Assert.ThrowsAsync<BadInputException>(async () =>
        {
            await foreach (var _ in benchmark.RunAsync(context, CancellationToken.None))
            {
            }
        });
        Assert.Contains("multiples of 16", e.Message, StringComparison.Ordinal);
    }
}
