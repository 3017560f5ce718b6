using System.Text.Json.Serialization;

namespace AiBench.Core.Cluster;

/// <summary>The phases of a cluster run, in order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClusterPhaseKind>))]
public enum ClusterPhaseKind
{
    /// <summary>The node suite on every node at once.</summary>
    [JsonStringEnumMemberName("nodes")]
    Nodes,

    /// <summary>Point-to-point bandwidth and latency between pairs of nodes, one round-robin round at a time.</summary>
    [JsonStringEnumMemberName("pairs")]
    Pairs,

    /// <summary>Collectives across every rank.</summary>
    [JsonStringEnumMemberName("collectives")]
    Collectives,
}

[JsonConverter(typeof(JsonStringEnumConverter<ClusterPhaseStatus>))]
public enum ClusterPhaseStatus
{
    [JsonStringEnumMemberName("complete")]
    Complete,

    /// <summary>Ended early (a node did not answer, Ctrl-C); what was measured is kept.</summary>
    [JsonStringEnumMemberName("partial")]
    Partial,

    [JsonStringEnumMemberName("skipped")]
    Skipped,

    [JsonStringEnumMemberName("failed")]
    Failed,
}

/// <summary>How one phase went: its wall time and, when it did not complete, why.</summary>
public sealed record ClusterPhase
{
    public required ClusterPhaseKind Kind { get; init; }

    public required ClusterPhaseStatus Status { get; init; }

    public double Seconds { get; init; }

    /// <summary>The run folder of the phase relative to the cluster folder (<c>pairs</c>, <c>collectives</c>), if any.</summary>
    public string? Folder { get; init; }

    public string? Detail { get; init; }
}
