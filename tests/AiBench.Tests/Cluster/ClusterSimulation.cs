using System.Globalization;
using AiBench.Core.Cluster;
using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Core.Units;

namespace AiBench.Tests.Cluster;

/// <summary>
/// Cluster runs of a realistic shape, for the cluster analysis tests and the scale benchmark (tests/AiBench.Perf
/// compiles this file too, so it uses no test framework): node-suite runs of 20 figures with 10 samples each,
/// pair-phase runs with both bandwidth directions, bidirectional bandwidth and latency per pair, and whole clusters
/// with jitter and planted faults. Every figure of a node is a template's samples times a factor, so its
/// statistics are the template's scaled (median, quantiles and CI are all scale-equivariant) and a cluster of
/// thousands of nodes builds in well under a second.
/// </summary>
internal static class ClusterSimulation
{
    public const double PairBandwidth = 48e9;
    public const double PairBidirectionalBandwidth = 94e9;
    public const double PairLatency = 2.1e-6;

    /// <summary>The node suite's figures: CPU memory and compute, memory latency, 4 GPUs' matmul and memory, PCIe, storage.</summary>
    public static IReadOnlyList<FigureTemplate> NodeFigures { get; } = CreateNodeFigures();

    private static readonly FigureTemplate BandwidthTemplate = Template(PairMetrics.Benchmark, PairMetrics.Bandwidth, Unit.BytesPerSecond, Direction.Higher, PairBandwidth, 5, 21);
    private static readonly FigureTemplate BidirectionalTemplate = Template(PairMetrics.Benchmark, PairMetrics.BidirectionalBandwidth, Unit.BytesPerSecond, Direction.Higher, PairBidirectionalBandwidth, 5, 22);
    private static readonly FigureTemplate LatencyTemplate = Template(PairMetrics.Benchmark, PairMetrics.Latency, Unit.Seconds, Direction.Lower, PairLatency, 5, 23);

    /// <summary>A node-suite run of <paramref name="name"/>; <paramref name="factor"/> scales figure i.</summary>
    public static Run NodeRun(string name, Func<int, double> factor) => new()
    {
        RunId = $"2026-11-26T14-02-11Z-{name}",
        Status = RunStatus.Complete,
        Verdict = VerdictStatus.Pass,
        Tool = new ToolInfo("0.1.0", null),
        Suite = "node",
        StartedAt = DateTimeOffset.UnixEpoch,
        FinishedAt = DateTimeOffset.UnixEpoch.AddMinutes(10),
        System = SystemInfo.Unknown with { Host = name, MachineId = MachineIdOf(name) },
        Measurements = NodeFigures.Select((t, i) => t.Measure(factor(i))).ToList(),
    };

    /// <summary>A pair-phase run: per pair, bandwidth both ways, bidirectional bandwidth and latency, each the nominal figure times the factor given.</summary>
    public static Run PairRun(IReadOnlyList<string> names, IEnumerable<NodePair> pairs, Func<NodePair, PairFactors> factors)
    {
        var measurements = new List<Measurement>();
        foreach (NodePair pair in pairs)
        {
            PairFactors f = factors(pair);
            string a = names[pair.A], b = names[pair.B];
            measurements.Add(BandwidthTemplate.Measure(f.AToB, FromTo(a, b)));
            measurements.Add(BandwidthTemplate.Measure(f.BToA, FromTo(b, a)));
            measurements.Add(BidirectionalTemplate.Measure(f.Bidirectional, FromTo(a, b)));
            measurements.Add(LatencyTemplate.Measure(f.Latency, FromTo(a, b)));
        }

        return new Run
        {
            RunId = "2026-11-26T14-20-00Z-pairs",
            Status = RunStatus.Complete,
            Verdict = VerdictStatus.None,
            Tool = new ToolInfo("0.1.0", null),
            Suite = "pairs",
            StartedAt = DateTimeOffset.UnixEpoch,
            FinishedAt = DateTimeOffset.UnixEpoch.AddMinutes(5),
            System = SystemInfo.Unknown with { Host = names.Count > 0 ? names[0] : "none" },
            Measurements = measurements,
        };
    }

    /// <summary>The cluster input for node runs (null: that node did not answer) and a pair run over <paramref name="schedule"/>.</summary>
    public static ClusterInput Input(IReadOnlyList<string> names, IReadOnlyList<Run?> nodeRuns, PairSchedule schedule, Run? pairs, double? lineRate = null) => new()
    {
        ClusterId = "cluster-test",
        Tool = new ToolInfo("0.1.0", null),
        Launcher = "slurm",
        Ranks = names.Count,
        StartedAt = DateTimeOffset.UnixEpoch,
        FinishedAt = DateTimeOffset.UnixEpoch.AddMinutes(20),
        Nodes = names.Select((name, i) => new NodeInput(
            new NodeIdentity { Name = name, Host = name, MachineId = MachineIdOf(name), Ranks = [i] },
            nodeRuns[i] is null ? NodeState.NotAnswering : NodeState.Answered,
            nodeRuns[i],
            nodeRuns[i] is null ? null : $"nodes/{name}",
            nodeRuns[i] is null ? "did not answer within 120 s (hung or dead)" : null)).ToList(),
        Pairs = pairs,
        PairPlan = schedule.Rounds.SelectMany((round, r) => round.Select(p => new PlannedPair(names[p.A], names[p.B], r))).ToList(),
        LineRate = lineRate,
    };

    /// <summary>
    /// A cluster of <paramref name="nodeCount"/> nodes, every figure jittered by up to ±3%, with
    /// <paramref name="slowNodes"/> nodes 30% slow on one figure each (a rate at 0.7, a time at 1 / 0.7) and <paramref name="slowLinks"/> pairs (of
    /// distinct nodes) at half bandwidth both ways.
    /// </summary>
    public static ClusterScenario Scenario(int nodeCount, int slowNodes, int slowLinks, PairSelection selection, int seed)
    {
        const double jitter = 0.03;
        var random = new Random(seed);
        var names = Enumerable.Range(1, nodeCount).Select(i => "node" + i.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        var slowFigure = new Dictionary<int, int>();
        while (slowFigure.Count < slowNodes)
        {
            slowFigure.TryAdd(random.Next(nodeCount), random.Next(NodeFigures.Count));
        }

        var runs = names.Select((name, i) => (Run?)NodeRun(name, figure =>
            (1 + jitter * (2 * random.NextDouble() - 1)) * (slowFigure.TryGetValue(i, out int slow) && slow == figure ? Slower(figure, 0.7) : 1))).ToList();

        PairSchedule schedule = PairSchedule.Plan(nodeCount, selection, seed);
        var pairs = schedule.Pairs.ToList();
        var slow = new HashSet<NodePair>();
        var used = new HashSet<int>();
        while (slow.Count < slowLinks)
        {
            NodePair candidate = pairs[random.Next(pairs.Count)];
            if (!used.Contains(candidate.A) && !used.Contains(candidate.B))
            {
                slow.Add(candidate);
                used.Add(candidate.A);
                used.Add(candidate.B);
            }
        }

        double Jitter() => 1 + jitter * (2 * random.NextDouble() - 1);
        Run pairRun = PairRun(names, pairs, pair =>
        {
            double link = slow.Contains(pair) ? 0.5 : 1;
            return new PairFactors(Jitter() * link, Jitter() * link, Jitter() * link, Jitter());
        });

        return new ClusterScenario(
            Input(names, runs, schedule, pairRun),
            slowFigure.OrderBy(p => p.Key).Select(p => (names[p.Key], NodeFigures[p.Value].Key)).ToList(),
            slow.OrderBy(p => p.A).Select(p => (names[p.A], names[p.B])).ToList());
    }

    /// <summary>The factor that leaves figure i at <paramref name="performance"/> of nominal: times it for rates, divided for times.</summary>
    public static double Slower(int figure, double performance) =>
        NodeFigures[figure].Better == Direction.Higher ? performance : 1 / performance;

    public static string MachineIdOf(string name) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..32];

    private static Dictionary<string, string> FromTo(string from, string to) => new() { [PairMetrics.FromLabel] = from, [PairMetrics.ToLabel] = to };

    private static List<FigureTemplate> CreateNodeFigures()
    {
        var list = new List<FigureTemplate>();
        int seed = 100;
        void Add(string benchmark, string metric, string unit, Direction better, double center, string? param = null, string? value = null, string? device = null) =>
            list.Add(Template(benchmark, metric, unit, better, center, 10, seed++) with
            {
                Params = param is null ? new Dictionary<string, ParameterValue>() : new Dictionary<string, ParameterValue> { [param] = ParameterValue.Of(value!) },
                Labels = device is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["device"] = device },
            });

        foreach (string kernel in new[] { "copy", "scale", "add", "triad" })
        {
            Add("cpu.memory", kernel, Unit.BytesPerSecond, Direction.Higher, 3.1e11);
        }

        Add("cpu.compute", "throughput", Unit.FlopsPerSecond, Direction.Higher, 5.2e12, "dtype", "fp64");
        Add("cpu.compute", "throughput", Unit.FlopsPerSecond, Direction.Higher, 1.04e13, "dtype", "fp32");
        Add("cpu.latency", "latency", Unit.Seconds, Direction.Lower, 92e-9);
        for (int d = 0; d < 4; d++)
        {
            string device = d.ToString(CultureInfo.InvariantCulture);
            Add("gpu.matmul", "throughput", Unit.FlopsPerSecond, Direction.Higher, 7.9e14, "dtype", "bf16", device);
            Add("gpu.memory", "triad", Unit.BytesPerSecond, Direction.Higher, 3.0e12, device: device);
        }

        Add("gpu.pcie", "bandwidth", Unit.BytesPerSecond, Direction.Higher, 5.3e10, "direction", "h2d", "0");
        Add("gpu.pcie", "bandwidth", Unit.BytesPerSecond, Direction.Higher, 5.1e10, "direction", "d2h", "0");
        Add("storage.io", "throughput", Unit.BytesPerSecond, Direction.Higher, 6.5e9, "pattern", "seqread");
        Add("storage.io", "throughput", Unit.BytesPerSecond, Direction.Higher, 4.0e9, "pattern", "randread");
        Add("storage.io", "latency", Unit.Seconds, Direction.Lower, 8.1e-5, "pattern", "randread");
        return list;
    }

    /// <summary><paramref name="count"/> samples within ±1% of <paramref name="center"/>, and their statistics.</summary>
    private static FigureTemplate Template(string benchmark, string metric, string unit, Direction better, double center, int count, int seed)
    {
        var random = new Random(seed);
        double[] samples = Enumerable.Range(0, count).Select(_ => center * (1 + 0.01 * (2 * random.NextDouble() - 1))).ToArray();
        return new FigureTemplate(benchmark, metric, unit, better, samples, SampleStatisticsEstimator.Estimate(samples));
    }
}

/// <summary>A pair's figures relative to the nominal ones.</summary>
internal readonly record struct PairFactors(double AToB, double BToA, double Bidirectional, double Latency)
{
    public static PairFactors Nominal { get; } = new(1, 1, 1, 1);

    public static PairFactors Bandwidth(double factor) => new(factor, factor, factor, 1);
}

/// <summary>A simulated cluster and what was planted in it: slow nodes with the figure they are slow on, slow links.</summary>
internal sealed record ClusterScenario(ClusterInput Input, IReadOnlyList<(string Node, string Figure)> SlowNodes, IReadOnlyList<(string A, string B)> SlowLinks);

/// <summary>One figure's samples and statistics, measured on any node as the same samples times a factor.</summary>
internal sealed record FigureTemplate(string Benchmark, string Metric, string Unit, Direction Better, double[] Samples, SampleStatistics Stats)
{
    public IReadOnlyDictionary<string, ParameterValue> Params { get; init; } = new Dictionary<string, ParameterValue>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public string Key => Measure(1).Key;

    public Measurement Measure(double factor, IReadOnlyDictionary<string, string>? labels = null)
    {
        double[] samples = new double[Samples.Length];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = Samples[i] * factor;
        }

        return new Measurement
        {
            Benchmark = Benchmark,
            Metric = Metric,
            Unit = Unit,
            Better = Better,
            Params = Params,
            Labels = labels ?? Labels,
            Samples = samples,
            Stats = Stats with
            {
                Median = Stats.Median * factor, Mean = Stats.Mean * factor, Min = Stats.Min * factor, Max = Stats.Max * factor,
                StdDev = Stats.StdDev * factor, P5 = Stats.P5 * factor, P95 = Stats.P95 * factor, P99 = Stats.P99 * factor,
                CiLower = Stats.CiLower * factor, CiUpper = Stats.CiUpper * factor,
            },
            Correct = null,
        };
    }
}
