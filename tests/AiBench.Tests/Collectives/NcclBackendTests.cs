using AiBench.Benchmarks.Collectives;
using AiBench.Tests.EndToEnd;
using Xunit;

namespace AiBench.Tests.Collectives;

/// <summary>The nccl backend as one rank without a launcher: it runs where a GPU and libnccl.so.2 exist, else exit 3 with why.</summary>
public class NcclBackendTests
{
    [Fact]
    public void A_single_rank_nccl_run_needs_no_launcher_and_says_why_it_cannot_run()
    {
        string work = Directory.CreateTempSubdirectory("aibench-nccl").FullName;
        CliProcess.Result result = CliProcess.Run(
            work, "run", "net.allreduce", "--set", "backend=nccl", "--set", "minbytes=1k", "--set", "maxbytes=64k", "--quick", "--out", "results");
        string? unavailable = NcclCollectiveRunner.Unavailable();
        if (unavailable is null)
        {
            Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
            Assert.Contains("# Avg bus bandwidth", result.Stderr, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(result.ExitCode == 3, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
            Assert.Contains("backend nccl:", result.Stdout + result.Stderr, StringComparison.Ordinal);
            Assert.Single(Directory.GetDirectories(Path.Combine(work, "results")));
        }
    }
}
