using AiBench.Cuda;
using Xunit;

namespace AiBench.Tests.EndToEnd;

/// <summary>A suite that requires a GPU, on a machine without one, exits 3 with the reason instead of passing.</summary>
public class GpuSuiteWithoutGpuTests
{
    [Fact]
    public void A_required_gpu_benchmark_without_a_gpu_exits_3_with_the_reason()
    {
        string work = Directory.CreateTempSubdirectory("aibench-nogpu").FullName;
        File.WriteAllText(Path.Combine(work, "gpu.yaml"), "name: gpu\nbenchmarks:\n  - id: gpu.matmul\n    params: { m: 256, n: 256, k: 256 }\n    rules:\n      - { min_efficiency: 0.5 }\n");
        CliProcess.Result result = CliProcess.Run(work, "run", "gpu.yaml", "--quick", "--out", "results");
        if (CudaDriver.TryInitialize(out _))
        {
            // On a GPU machine the same suite really runs; it must then end with a verdict, not an error.
            Assert.True(result.ExitCode is 0 or 1, $"exit {result.ExitCode}\n{result.Stderr}");
            return;
        }

        Assert.True(result.ExitCode == 3, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("no CUDA device", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(Path.Combine(work, "results")));
    }
}
