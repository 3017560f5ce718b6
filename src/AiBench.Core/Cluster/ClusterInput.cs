using AiBench.Core.Results;

namespace AiBench.Core.Cluster;

/// <summary>A node as the cluster run saw it: who, whether it answered, and its node-suite run when it arrived.</summary>
public sealed record NodeInput(NodeIdentity Identity, NodeState State, Run? Run, string? RunFolder, string? Detail = null);

/// <summary>A planned pair: the two nodes (by name, lower rank first), its round, and why it was not measured (null when it was).</summary>
public sealed record PlannedPair(string A, string B, int Round, string? Error = null)
{
    /// <summary>False when the phase ended (a node stopped answering, Ctrl-C) before this pair's turn: nobody's fault.</summary>
    public bool Reached { get; init; } = true;
}

/// <summary>Everything a cluster run gathered, for <see cref="ClusterAnalyzer"/> (also built from stored folders by merge and tests).</summary>
public sealed record ClusterInput
{
    public required string ClusterId { get; init; }

    public required ToolInfo Tool { get; init; }

    public string? CommandLine { get; init; }

    public required string Launcher { get; init; }

    public required int Ranks { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public IReadOnlyList<ClusterPhase> Phases { get; init; } = [];

    /// <summary>Every node, in rank order of the rank that speaks for it.</summary>
    public required IReadOnlyList<NodeInput> Nodes { get; init; }

    /// <summary>The pair phase's run (<see cref="PairMetrics"/> measurements), when it ran.</summary>
    public Run? Pairs { get; init; }

    public IReadOnlyList<PlannedPair> PairPlan { get; init; } = [];

    /// <summary>The collectives phase's run, when it ran (judged by its own rules; a failure fails the cluster).</summary>
    public Run? Collectives { get; init; }

    /// <summary>Line rate (B/s) the pairs are judged against, when known.</summary>
    public double? LineRate { get; init; }
}

/// <summary>The thresholds of the cluster verdict (suite parameters <c>fleet-z</c>, <c>fleet-deviation</c>, <c>pair-min-ratio</c>, <c>pair-min-line-rate</c>).</summary>
public sealed record ClusterJudgement
{
    /// <summary>Robust z beyond which a worse-than-fleet figure is an outlier.</summary>
    public double ZThreshold { get; init; } = 3.5;

    /// <summary>
    /// A figure is only an outlier when it is also this much worse than the fleet median (relative): the noise floor
    /// that keeps identical nodes with a tiny MAD from being flagged for 1% differences.
    /// </summary>
    public double MinDeviation { get; init; } = 0.10;

    /// <summary>A pair whose slower direction is below this fraction of the pair fleet's median fails.</summary>
    public double PairMinRatio { get; init; } = 0.75;

    /// <summary>A pair whose slower direction is below this fraction of the line rate fails (when the line rate is known).</summary>
    public double? PairMinLineRate { get; init; }

    /// <summary>A node is blamed for the network when at least this share of its measured pairs failed (and at least two did).</summary>
    public double NodeBlameShare { get; init; } = 0.5;

    /// <summary>
    /// A pair whose latency is at least this multiple of the fleet's (and beyond <see cref="ZThreshold"/>) fails. Twice,
    /// because switch hops alone make pairs differ by up to about 1.5× in a fat tree (1 hop within a leaf, 5 across
    /// spines), while a faulty path (retransmissions, a fallback off RDMA) costs several times.
    /// </summary>
    public double PairMaxLatencyRatio { get; init; } = 2.0;

    /// <summary>
    /// Figures shown against the fleet but never judged by it, as <c>benchmark/metric</c> prefixes of a measurement key
    /// (e.g. <c>storage.io/latency</c>: tail percentiles of a few seconds of I/O differ 2× between like drives).
    /// </summary>
    public IReadOnlyList<string> FleetIgnore { get; init; } = [];
}
