using System.Diagnostics;
using System.Text.Json.Nodes;
using AiBench.Tests.EndToEnd;
using Xunit;

namespace AiBench.Tests.Collectives;

/// <summary>
/// The real CLI under a real Open MPI mpirun: 2 and 4 ranks over TCP on loopback (<c>--mca btl tcp,self</c>), every
/// collective's sweep checked, a corrupted contribution caught, and a hung rank ending the run with exit code 3.
/// </summary>
public class MpirunCollectiveTests
{
    private const string Suite = """
        name: collectives-test
        policy: { warmup: 1, min_samples: 2, max_samples: 3, target_ci: 50%, budget: 5s }
        benchmarks:
          - id: net.allreduce
          - id: net.allgather
          - id: net.reducescatter
          - id: net.broadcast
            params: { root: 1 }
          - id: net.alltoall
        """;

    private static readonly string[] Small = ["--set", "minbytes=8", "--set", "maxbytes=256k", "--set", "stepfactor=8", "--set", "iterations=5"];

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Every_collective_completes_with_no_wrong_elements(int ranks)
    {
        (int exit, string output, string runDir) = Run(ranks, [], ["run", "suite.yaml", .. Small]);
        Assert.True(exit == 0, $"exit {exit}\n{output}");

        JsonNode run = JsonNode.Parse(File.ReadAllText(Path.Combine(runDir, "run.json")))!;
        RunJson.AssertValid(run);
        Assert.Equal("complete", (string?)run["status"]);
        JsonArray measurements = run["measurements"]!.AsArray();
        foreach (string id in new[] { "net.allreduce", "net.allgather", "net.reducescatter", "net.broadcast", "net.alltoall" })
        {
            JsonNode[] busbw = [.. measurements.Where(m => (string?)m!["benchmark"] == id && (string?)m["metric"] == "busbw").Select(m => m!)];
            Assert.Equal(6 * 2, busbw.Length); // 8 B, 64 B, 512 B, 4 KiB, 32 KiB, 256 KiB; out-of-place and in-place
            Assert.All(busbw, m =>
            {
                Assert.Equal(0, (long)m["correct"]!["wrong"]!);
                Assert.Equal(ranks.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)m["info"]!["ranks"]);
            });
            JsonNode largest = busbw.MaxBy(m => (double)m["params"]!["bytes"]!)!;
            Assert.True((long)largest["correct"]!["checked"]! > 0);
            Assert.True((double)largest["stats"]!["median"]! > 0);
        }

        Assert.Contains("# Avg bus bandwidth", output, StringComparison.Ordinal);
        // mpirun gives rank 0 a pseudo-terminal; a launched rank still writes plain text (no colour, no keypad mode).
        Assert.DoesNotContain('\u001b', output);
        // Only rank 0 writes: exactly one run folder.
        Assert.Single(Directory.GetDirectories(Path.GetDirectoryName(runDir)!));
    }

    [Fact]
    public void A_corrupted_contribution_is_counted_as_wrong_elements()
    {
        (int exit, string output, string runDir) = Run(2, ["-x", "AIBENCH_FAULT_INJECTION=corrupt-rank=1"], ["run", "net.allreduce", .. Small]);
        Assert.True(exit == 1, $"exit {exit}\n{output}");
        JsonNode run = JsonNode.Parse(File.ReadAllText(Path.Combine(runDir, "run.json")))!;
        JsonNode largest = run["measurements"]!.AsArray()
            .Where(m => (string?)m!["metric"] == "busbw").MaxBy(m => (double)m!["params"]!["bytes"]!)!;
        long checkedCount = (long)largest["correct"]!["checked"]!;
        Assert.Equal(2 * (256 * 1024 / 4), checkedCount); // both ranks' outputs
        Assert.Equal(checkedCount, (long)largest["correct"]!["wrong"]!); // every element of the sum is off by one
        Assert.Contains("FAILED", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hung_rank_ends_the_run_with_exit_3_and_partial_results_naming_the_ranks()
    {
        var watch = Stopwatch.StartNew();
        string temp = Directory.CreateTempSubdirectory("aibench-mpi-tmp").FullName;
        (int exit, string output, string runDir) = Run(
            2, ["-x", "AIBENCH_FAULT_INJECTION=hang-rank=1", "-x", $"TMPDIR={temp}"], ["run", "net.allreduce", .. Small, "--set", "timeout=2s"]);
        Assert.True(exit == 3, $"exit {exit}\n{output}");
        // The aborted ranks leave no .NET diagnostics socket behind: each unlinked its own at start.
        Assert.Empty(Directory.GetFiles(temp, "dotnet-diagnostic-*"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Assert.Contains("rank 0 on host", output, StringComparison.Ordinal);
        Assert.Contains("dead or hung", output, StringComparison.Ordinal);
        Assert.Contains("rank(s) 1 on host", output, StringComparison.Ordinal); // the rank that never reached the size
        JsonNode run = JsonNode.Parse(File.ReadAllText(Path.Combine(runDir, "run.json")))!;
        Assert.Equal("partial", (string?)run["status"]);
        // The first size was measured before rank 1 hung.
        Assert.Contains(run["measurements"]!.AsArray(), m => (string?)m!["metric"] == "busbw");
    }

    private static (int Exit, string Output, string RunDir) Run(int ranks, string[] mpiArgs, string[] args) =>
        MpirunCli.Run(ranks, mpiArgs, args, ("suite.yaml", Suite));
}
