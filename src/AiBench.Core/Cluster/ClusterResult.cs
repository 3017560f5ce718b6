using AiBench.Core.Results;

namespace AiBench.Core.Cluster;

/// <summary>
/// The whole cluster's result, written as <c>cluster.json</c> (schema <c>aibench.cluster/1</c>) beside
/// <c>nodes/&lt;node&gt;/run.json</c>, <c>pairs/run.json</c> and <c>collectives/run.json</c>. Failing nodes and links
/// come first in <see cref="Findings"/>.
/// </summary>
public sealed record ClusterResult
{
    public const string SchemaId = "aibench.cluster/1";

    public string Schema { get; init; } = SchemaId;

    public required string ClusterId { get; init; }

    public required RunStatus Status { get; init; }

    public required VerdictStatus Verdict { get; init; }

    public required ToolInfo Tool { get; init; }

    public string? CommandLine { get; init; }

    /// <summary><c>slurm</c>, <c>openmpi</c>, <c>pmi</c> or <c>none</c>.</summary>
    public required string Launcher { get; init; }

    public required int Ranks { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public IReadOnlyList<ClusterPhase> Phases { get; init; } = [];

    public required IReadOnlyList<NodeResult> Nodes { get; init; }

    public IReadOnlyList<PairResult> Pairs { get; init; } = [];

    /// <summary>One matrix per pair metric (bandwidth, bidir_bandwidth, latency).</summary>
    public IReadOnlyList<PairMatrix> Matrices { get; init; } = [];

    /// <summary>Line rate the pairs were judged against (B/s), if known.</summary>
    public double? LineRate { get; init; }

    /// <summary>Everything blamed, worst first; empty when the cluster passed.</summary>
    public IReadOnlyList<ClusterFinding> Findings { get; init; } = [];
}
