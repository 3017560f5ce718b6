using AiBench.Core.Cluster;
using AiBench.Core.Results;

namespace AiBench.Tests.Reporting.Cluster;

/// <summary>
/// Cluster results built by hand for the report tests (the analyzer is tested on its own): four nodes where node3 is
/// slow (cpu.memory triad 0.70 of the fleet, storage latency 1.35 ×), the link node1↔node2 is slow (0.48), and the
/// fourth node's host name is hostile markup; and a 2,048-node fleet with a random:8 pair plan for the scale test.
/// </summary>
internal static class ClusterSampleResult
{
    public const string HostileHost = "<script>x</script>";
    public const string SlowNode = "node3";
    public const double LinkRate = 50e9;

    public static readonly string[] Keys =
    [
        "cpu.memory/triad[]{}",
        "gpu.memory/triad[]{device=0}",
        "gpu.memory/triad[]{device=1}",
        "gpu.matmul/throughput[dtype=bf16,m=8192]{device=0}",
        "gpu.matmul/throughput[dtype=fp8,m=8192]{device=0}",
        "storage.io/latency[bytes=4096,pattern=randread]{}",
    ];

    public static ClusterResult FourNodes()
    {
        string[] names = ["node1", "node2", SlowNode, HostileHost];
        var nodes = names.Select((name, i) => new NodeResult
        {
            Identity = new NodeIdentity
            {
                Name = name, Host = name, MachineId = $"{i}f0e1d2c3b4a5968778695a4b3c2d1e0f", Ranks = [2 * i, 2 * i + 1],
                GpuUuids = [$"GPU-{i}-0", $"GPU-{i}-1"],
            },
            State = NodeState.Answered,
            RunFolder = $"nodes/{name}",
            OwnVerdict = VerdictStatus.Pass,
            Verdict = name == SlowNode ? VerdictStatus.Fail : VerdictStatus.Pass,
            FleetRatios = Keys.ToDictionary(k => k, k => name != SlowNode ? 1.0 + 0.01 * i
                : k.StartsWith("cpu.memory", StringComparison.Ordinal) ? 0.70
                : k.StartsWith("storage.io", StringComparison.Ordinal) ? 1.35
                : 0.99),
        }).ToList();

        var pairs = new List<PairResult>();
        int round = 0;
        foreach ((int a, int b) in new[] { (0, 1), (2, 3), (0, 2), (1, 3), (0, 3), (1, 2) })
        {
            bool slow = (a, b) == (0, 1);
            double bandwidth = slow ? 22e9 : 46e9 + a * 1e8;
            pairs.Add(new PairResult
            {
                A = names[a], B = names[b], Round = round++ / 2,
                BandwidthAToB = bandwidth, BandwidthBToA = bandwidth * 1.01, BidirectionalBandwidth = bandwidth * 1.9,
                Latency = 2.1e-6, RatioToFleet = slow ? 0.48 : 1.0, RatioToLineRate = bandwidth / LinkRate,
                Verdict = slow ? VerdictStatus.Fail : VerdictStatus.Pass,
                Reason = slow ? "0.48 of the pair median, both nodes fine with every other peer" : null,
            });
        }

        return new ClusterResult
        {
            ClusterId = "cluster-2026-11-26T14-02-11Z",
            Status = RunStatus.Complete,
            Verdict = VerdictStatus.Fail,
            Tool = new ToolInfo("0.1.0", "abc1234"),
            CommandLine = "aibench run cluster",
            Launcher = "slurm",
            Ranks = 8,
            StartedAt = DateTimeOffset.Parse("2026-11-26T14:02:11Z"),
            FinishedAt = DateTimeOffset.Parse("2026-11-26T14:04:01Z"),
            Phases =
            [
                new ClusterPhase { Kind = ClusterPhaseKind.Nodes, Status = ClusterPhaseStatus.Complete, Seconds = 62.5 },
                new ClusterPhase { Kind = ClusterPhaseKind.Pairs, Status = ClusterPhaseStatus.Complete, Seconds = 31, Folder = "pairs" },
                new ClusterPhase { Kind = ClusterPhaseKind.Collectives, Status = ClusterPhaseStatus.Complete, Seconds = 12, Folder = "collectives" },
            ],
            Nodes = nodes,
            Pairs = pairs,
            Matrices = [Matrix(names, pairs)],
            LineRate = LinkRate,
            Findings =
            [
                new ClusterFinding
                {
                    Kind = ClusterSubjectKind.Node, Subject = SlowNode, Nodes = [SlowNode], Category = "fleet-outlier",
                    Reason = "node3: cpu.memory triad 0.70 of the fleet median", Figure = Keys[0], Ratio = 0.70,
                },
                new ClusterFinding
                {
                    Kind = ClusterSubjectKind.Link, Subject = "node1↔node2", Nodes = ["node1", "node2"], Category = "slow-link",
                    Reason = "node1↔node2: 0.48 of the pair median, both nodes fine with every other peer", Figure = PairMetrics.Bandwidth, Ratio = 0.48,
                },
            ],
        };
    }

    /// <summary>
    /// <paramref name="count"/> nodes with eight GPUs each (34 figures), every node paired with 8 others (random:8 as a
    /// ring of strides), no matrices (the analysis builds none beyond 512 nodes); one slow node that did not answer, one slow node and one slow link.
    /// </summary>
    public static ClusterResult Fleet(int count)
    {
        var random = new Random(7);
        string[] keys = [.. Enumerable.Range(0, 8).SelectMany(d => new[]
        {
            $"gpu.matmul/throughput[dtype=bf16]{{device={d}}}", $"gpu.matmul/throughput[dtype=fp8]{{device={d}}}",
            $"gpu.memory/triad[]{{device={d}}}", $"gpu.pcie/bandwidth[direction=h2d]{{device={d}}}",
        }), "cpu.memory/triad[]{}", "storage.io/latency[pattern=randread]{}"];
        string[] names = Enumerable.Range(0, count).Select(i => $"gpu-node-{i:0000}.cluster.example").ToArray();
        var nodes = names.Select((name, i) => new NodeResult
        {
            Identity = new NodeIdentity { Name = name, Host = name, MachineId = Guid.NewGuid().ToString("N"), Ranks = [.. Enumerable.Range(8 * i, 8)] },
            State = i == 17 ? NodeState.NotAnswering : NodeState.Answered,
            RunFolder = i == 17 ? null : $"nodes/{name}",
            OwnVerdict = VerdictStatus.Pass,
            Verdict = i is 5 or 17 ? (i == 17 ? VerdictStatus.Error : VerdictStatus.Fail) : VerdictStatus.Pass,
            FleetRatios = i == 17 ? new Dictionary<string, double>() : keys.ToDictionary(k => k, _ => i == 5 ? 0.62 : 1 + (random.NextDouble() - 0.5) * 0.04),
        }).ToList();

        var pairs = new List<PairResult>();
        for (int stride = 1; stride <= 4; stride++)
        {
            for (int a = 0; a < count; a++)
            {
                int b = (a + stride * 97) % count;
                bool slow = a == 100 && stride == 1;
                double bandwidth = slow ? 20e9 : 46e9 * (1 + (random.NextDouble() - 0.5) * 0.02);
                pairs.Add(new PairResult
                {
                    A = names[Math.Min(a, b)], B = names[Math.Max(a, b)], Round = stride - 1,
                    BandwidthAToB = bandwidth, BandwidthBToA = bandwidth * 1.01, BidirectionalBandwidth = bandwidth * 1.9, Latency = 2.2e-6,
                    RatioToFleet = bandwidth / 46e9, RatioToLineRate = bandwidth / LinkRate,
                    Verdict = slow ? VerdictStatus.Fail : VerdictStatus.Pass, Reason = slow ? "0.43 of the pair median" : null,
                });
            }
        }

        return FourNodes() with
        {
            ClusterId = $"fleet-{count}",
            Ranks = count * 8,
            Nodes = nodes,
            Pairs = pairs,
            Matrices = [],
            Findings =
            [
                new ClusterFinding { Kind = ClusterSubjectKind.Node, Subject = names[17], Nodes = [names[17]], Category = "not-answering", Reason = $"{names[17]}: did not answer within 120 s" },
                new ClusterFinding { Kind = ClusterSubjectKind.Node, Subject = names[5], Nodes = [names[5]], Category = "fleet-outlier", Reason = $"{names[5]}: gpu.memory triad 0.62 of the fleet median" },
            ],
        };
    }

    private static PairMatrix Matrix(string[] names, IReadOnlyList<PairResult> pairs)
    {
        var values = names.Select(_ => new double?[names.Length]).ToArray();
        foreach (PairResult p in pairs)
        {
            int a = Array.IndexOf(names, p.A);
            int b = Array.IndexOf(names, p.B);
            values[a][b] = p.BandwidthAToB;
            values[b][a] = p.BandwidthBToA;
        }

        return new PairMatrix { Metric = PairMetrics.Bandwidth, Unit = "B/s", Nodes = names, Values = values };
    }
}
