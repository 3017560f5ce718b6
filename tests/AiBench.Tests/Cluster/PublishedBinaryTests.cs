using System.Text.Json.Nodes;
using AiBench.Tests.Collectives;
using AiBench.Tests.EndToEnd;
using Xunit;

namespace AiBench.Tests.Cluster;

/// <summary>
/// README's newcomer path with the binary a user runs — build/bin/aibench as ./run.sh publishes it, not the test output
/// folder (a library missing from build/bin once went unnoticed): mpirun of net.allreduce on two ranks, and a cluster
/// run of one node without a launcher.
/// </summary>
public sealed class PublishedBinaryTests : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("aibench-published").FullName;

    [Fact]
    public async Task Readme_mpirun_line_runs_with_build_bin()
    {
        Assert.True(File.Exists(SlurmCluster.Aibench), $"{SlurmCluster.Aibench} is missing: ./run.sh publishes it");
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(SlurmCluster.Aibench)!, "libaibench_mpi.so")), "build/bin lacks libaibench_mpi.so");
        Assert.NotNull(MpiRun.Path);
        ProcessResult run = await SlurmCluster.RunAsync(TimeSpan.FromMinutes(3), MpiRun.Path!,
            "--allow-run-as-root", "--oversubscribe", "-np", "2", "--mca", "btl", "tcp,self",
            SlurmCluster.Aibench, "run", "net.allreduce", "--set", "maxbytes=1MiB", "--set", "iterations=5",
            "--min-samples", "2", "--max-samples", "3", "--out", _results);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Output}");
        JsonNode json = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(_results, "run.json", SearchOption.AllDirectories).Single()))!;
        RunJson.AssertValid(json);
        Assert.Contains(json["measurements"]!.AsArray(), m => (string?)m!["metric"] == "busbw" && (string?)m["info"]!["ranks"] == "2");
    }

    [Fact]
    public async Task A_cluster_of_one_node_without_a_launcher_writes_a_cluster_folder()
    {
        ProcessResult run = await SlurmCluster.RunAsync(TimeSpan.FromMinutes(3), SlurmCluster.Aibench,
            "run", "cluster", "--out", _results, "--set", "storage.io.size=32MiB", "--set", "storage.io.runtime=0.5s",
            "--set", "storage.io.ramp=0.2s", "--set", "storage.io.workload=randread-4k-qd32",
            "--min-samples", "3", "--max-samples", "5", "--budget", "1s");

        ClusterJson cluster = ClusterJson.Read(_results, run.Output);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{cluster.Describe()}\n{run.Output}");
        JsonNode node = Assert.Single(cluster.Nodes);
        Assert.Equal("answered", (string?)node["state"]);
        Assert.True(File.Exists(Path.Combine(cluster.Folder, (string)node["runFolder"]!, "run.json")));
        Assert.Contains(cluster.Root["phases"]!.AsArray(), p => (string?)p!["kind"] == "pairs" && (string?)p["status"] == "skipped");
    }

    public void Dispose() => Directory.Delete(_results, recursive: true);
}
