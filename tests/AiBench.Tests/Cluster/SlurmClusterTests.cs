using AiBench.Tests.Collectives;
using Xunit;

namespace AiBench.Tests.Cluster;

/// <summary>
/// Cluster acceptance on a real Slurm cluster (tests/infra/slurm.sh: slurmctld and four slurmd in network namespaces,
/// node1..node4): one <c>srun -N4 build/bin/aibench run cluster</c>, then faults injected for real — a slow node link, a
/// slow path between two nodes, a CPU-starved node, a stopped rank — each must be named by the verdict. Runs alone
/// (shaped links and CPU figures must not share the machine with other tests).
/// </summary>
[Collection(ShapedLinkCollection.Name)]
public sealed class SlurmClusterTests : IAsyncLifetime
{
    private const string Rate = "200mbit";
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(6);

    /// <summary>A cluster run small enough for CI: short node checks, short pair samples, one all-reduce size.</summary>
    private static readonly string[] Fast = FastRun(pairSampleTime: "0.5s");

    /// <summary>
    /// A pair's figure is the Harrell-Davis median of its three samples, which weights all three: one half-second
    /// sample slowed by this 2-core machine's scheduler cost a pair up to 18 % of its rate, so the test of the
    /// absolute rate samples for longer.
    /// </summary>
    private static readonly string[] FastLongPairSamples = FastRun(pairSampleTime: "1s");

    /// <summary>
    /// For the tests that name a slow link or a node's slow network: the four namespace nodes share this machine's two
    /// cores, so under a loaded CI machine one node's CPU figures can sit 20% from the others' (cpu.gemm at 0.80, robust z
    /// 4.0, named beside the slow link on 2026-12-02); those figures are compared in the starved-CPU test only. Latency
    /// is judged only at 10× the typical pair: these tests are about bandwidth, and a small-message ping-pong between two
    /// of the namespaces waits on that scheduler (node2↔node3 at 206 µs against 45-88 µs for the others, all three
    /// samples, failed the pair and turned the slow link into a slow node2 in a full run on 2026-12-02).
    /// </summary>
    private static readonly string[] FastNetworkOnly =
        [.. FastRun(pairSampleTime: "0.5s", fleetIgnore: "storage.io,cpu."), "--set", "cluster.pair_max_latency_ratio=10"];

    /// <summary>
    /// For the starved-CPU test: node3 at 5% of a core is the slowest node, so both the node timeout and the run's own
    /// limit are longer. On 2026-12-02 its node checks took 71 s and the whole test 2.4-3.1 min; an older setup at 5%
    /// took 2-4.4 min for the node checks against the usual 4 min timeout.
    /// </summary>
    private static readonly string[] FastStarved = FastRun(pairSampleTime: "0.5s", nodeTimeout: "8m");

    private static readonly TimeSpan StarvedRunLimit = TimeSpan.FromMinutes(11);

    private static string[] FastRun(string pairSampleTime, string fleetIgnore = "storage.io", string nodeTimeout = "4m") =>
    [
        "--set", "link-rate=" + Rate,
        "--set", "storage.io.size=64MiB", "--set", "storage.io.runtime=1s", "--set", "storage.io.ramp=0.5s",
        "--set", "storage.io.workload=randread-4k-qd32",
        "--set", "net.pair.samples=3", "--set", "net.pair.sample-time=" + pairSampleTime, "--set", "net.pair.timeout=30s",
        "--set", "net.allreduce.minbytes=1MiB", "--set", "net.allreduce.maxbytes=1MiB", "--set", "net.allreduce.iterations=3",
        "--set", "net.allreduce.timeout=30s",
        "--set", "cluster.silence=15s", "--set", "cluster.node_timeout=" + nodeTimeout,
        // The four namespace "nodes" share this machine's one virtual disk: their storage.io figures are shown, not
        // compared with each other (on a real cluster each node's own drive is).
        "--set", "cluster.fleet_ignore=" + fleetIgnore,
        "--min-samples", "5", "--max-samples", "10", "--budget", "3s",
    ];

    private readonly string _results = Directory.CreateTempSubdirectory("aibench-cluster").FullName;

    public async Task InitializeAsync()
    {
        SlurmCluster.EnsureStarted();
        await Reset();
    }

    public async Task DisposeAsync()
    {
        await Reset();
        Directory.Delete(_results, recursive: true);
    }

    [Fact]
    public async Task Every_link_at_the_same_rate_passes_with_pairs_near_the_line_rate()
    {
        await SlurmCluster.Infra("shape-all", Rate);
        ProcessResult run = await SlurmCluster.Srun(RunLimit, ["run", "cluster", "--out", _results, .. FastLongPairSamples]);
        ClusterJson cluster = ClusterJson.Read(_results, run.Output);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{cluster.Describe()}\n{run.Output}");
        Assert.Equal("pass", cluster.Verdict);
        Assert.Equal(4, cluster.Nodes.Count());
        Assert.All(cluster.Nodes, n => Assert.True(File.Exists(Path.Combine(cluster.Folder, (string)n["runFolder"]!, "run.json"))));
        Assert.Equal(6, cluster.Pairs.Count());
        // Every pair comes near the line rate. CI runs on 2026-12-01 found the direction a pair measures first (its first
        // member sending) at 0.79-0.86 while the other ran at 0.93-0.96 on the same symmetric links, steady over the
        // samples: an ordering effect of the pair exchange still to be found, so the bars are 0.8 for the lower-median
        // pair and 0.75 for every pair until it is.
        double[] ratios = [.. cluster.Pairs.Select(p => (double)p["ratioToLineRate"]!)];
        foreach (var pair in cluster.Pairs)
        {
            double ratio = (double)pair["ratioToLineRate"]!;
            Assert.True(ratio is >= 0.75 and <= 1.0, $"{pair["a"]}↔{pair["b"]} at {ratio:0.000} of {Rate}\n{run.Output}");
        }

        double median = ratios.Order().ElementAt((ratios.Length - 1) / 2); // the lower median
        Assert.True(median >= 0.8, $"the median pair at {median:0.000} of {Rate}\n{run.Output}");

        foreach (string file in new[] { "summary.md", "report.html", "junit.xml", "pairs/run.json", "collectives/run.json" })
        {
            Assert.True(File.Exists(Path.Combine(cluster.Folder, file)), $"{file} missing");
        }

        Assert.DoesNotContain("\"wrong\": 1", File.ReadAllText(Path.Combine(cluster.Folder, "collectives", "run.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_on_half_the_rate_is_named_and_its_links_are_not()
    {
        await SlurmCluster.Infra("shape-all", Rate);
        await SlurmCluster.Infra("shape", "3", "100mbit");
        ProcessResult run = await SlurmCluster.Srun(RunLimit, ["run", "cluster", "--out", _results, .. FastNetworkOnly]);
        ClusterJson cluster = ClusterJson.Read(_results, run.Output);

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}\n{cluster.Describe()}\n{run.Output}");
        Assert.True(cluster.Blamed("node").Any(f => (string?)f["subject"] == "node3" && (string?)f["category"] == "slow-network"),
            $"node3 not named\n{cluster.Describe()}\n{run.Output}");
        Assert.False(cluster.Blamed("node").Any(f => (string?)f["subject"] != "node3") || cluster.Blamed("link").Any(), $"others named\n{cluster.Describe()}");
        Assert.All(cluster.Pairs.Where(p => (string?)p["a"] != "node3" && (string?)p["b"] != "node3"),
            p => Assert.Equal("pass", (string?)p["verdict"]));
    }

    [Fact]
    public async Task A_slow_path_between_two_nodes_is_named_as_the_link()
    {
        await SlurmCluster.Infra("shape-all", Rate);
        await SlurmCluster.Infra("shape-path", "1", "2", "100mbit");
        ProcessResult run = await SlurmCluster.Srun(RunLimit, ["run", "cluster", "--out", _results, .. FastNetworkOnly]);
        ClusterJson cluster = ClusterJson.Read(_results, run.Output);

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}\n{cluster.Describe()}\n{run.Output}");
        Assert.True(cluster.Blamed("link").Count() == 1, $"not one link named\n{cluster.Describe()}\n{run.Output}");
        var link = cluster.Blamed("link").Single();
        Assert.Contains("node1", (string)link["subject"]!, StringComparison.Ordinal);
        Assert.Contains("node2", (string)link["subject"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Blamed("node"), f => (string?)f["category"] == "slow-network");
    }

    [Fact]
    public async Task A_node_with_a_starved_cpu_is_named_for_its_cpu_figures()
    {
        await SlurmCluster.Infra("shape-all", Rate);
        // 5% of a core: a tenth of what each of the four namespace nodes gets of the two cores. At 10% node3 passed
        // in about 1 full run of 8, likely because a node whose checks run after the others' gets its whole quota while
        // they were measured four to two cores: node3 at 0.13-0.2 of the fleet, and with the ±30-50% CIs of a loaded
        // machine the fleet's z stays under 3.5 (the floor is the CI half-width: see RobustSpread for why).
        await SlurmCluster.Infra("cpu-limit", "3", "5");
        ProcessResult run = await SlurmCluster.Srun(StarvedRunLimit, ["run", "cluster", "--out", _results, .. FastStarved]);
        ClusterJson cluster = ClusterJson.Read(_results, run.Output);

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}\n{cluster.Describe()}\n{run.Output}");
        Assert.True(cluster.Blamed("node").Any(f => (string?)f["subject"] == "node3" && ((string?)f["figure"] ?? "").StartsWith("cpu.", StringComparison.Ordinal)),
            $"node3 not named for a CPU figure\n{cluster.Describe()}\n{run.Output}");
        Assert.False(cluster.Findings.Any(f => (string?)f["category"] == "fleet-outlier" && (string?)f["subject"] != "node3"),
            $"another node named\n{cluster.Describe()}");
    }

    [Fact]
    public async Task A_stopped_rank_is_named_as_not_answering_and_the_run_ends_with_exit_3()
    {
        await SlurmCluster.Infra("shape-all", Rate);
        Task<ProcessResult> running = SlurmCluster.Srun(RunLimit, ["run", "cluster", "--out", _results, .. Fast]);
        // Stop node3's rank once the node checks are written (the pair phase is under way).
        string? stopped = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while (stopped is null && !running.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            if (Directory.GetFiles(_results, "run.json", SearchOption.AllDirectories).Any(p => p.Contains("/nodes/node3/", StringComparison.Ordinal)))
            {
                stopped = (await SlurmCluster.Infra("nodepids", "3", "build/bin/aibench")).Trim();
                Assert.False(string.IsNullOrEmpty(stopped), "no aibench process found on node3");
                foreach (string pid in stopped.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    await SlurmCluster.RunAsync(TimeSpan.FromSeconds(10), "kill", "-STOP", pid);
                }
            }
        }

        ProcessResult run = await running;
        ClusterJson cluster = ClusterJson.Read(_results, run.Output);
        Assert.True(stopped is not null, $"node3's results never arrived\n{run.Output}");
        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}\n{cluster.Describe()}\n{run.Output}");
        Assert.True(cluster.Findings.Any(f => (string?)f["subject"] == "node3" && (string?)f["category"] == "not-answering"),
            $"node3 not named as not answering\n{cluster.Describe()}\n{run.Output}");
        Assert.Equal(4, Directory.GetDirectories(Path.Combine(cluster.Folder, "nodes")).Length);
        Assert.True(run.Elapsed < RunLimit, "the run did not end by itself");
    }

    [Fact]
    public async Task The_same_cluster_run_under_mpirun_across_the_namespaces_measures_every_node_and_pair()
    {
        await SlurmCluster.Infra("shape-all", Rate);
        ProcessResult run = await SlurmCluster.RunAsync(RunLimit, SlurmCluster.Script,
            ["exec", "mpirun", "--allow-run-as-root", "-np", "4", "--host", "node1,node2,node3,node4",
             "--mca", "plm_rsh_agent", SlurmCluster.Script + " agent",
             SlurmCluster.Aibench, "run", "cluster", "--out", _results, .. Fast]);
        ClusterJson cluster = ClusterJson.Read(_results, run.Output);

        Assert.True(run.ExitCode is 0 or 1, $"exit {run.ExitCode}\n{cluster.Describe()}\n{run.Output}");
        Assert.Equal("openmpi", (string?)cluster.Root["launcher"]);
        Assert.Equal(4, cluster.Nodes.Count(n => (string?)n["state"] == "answered"));
        Assert.Equal(6, cluster.Pairs.Count(p => p["bandwidthAToB"] is not null && p["bandwidthBToA"] is not null));
    }

    private static async Task Reset()
    {
        await SlurmCluster.Infra("unshape-all");
        await SlurmCluster.Infra("cpu-unlimit", "3");
    }
}
