using System.Text.Json.Serialization;

namespace AiBench.Core.Cluster;

[JsonConverter(typeof(JsonStringEnumConverter<ClusterSubjectKind>))]
public enum ClusterSubjectKind
{
    [JsonStringEnumMemberName("node")]
    Node,

    /// <summary>The path between two nodes (both nodes fine elsewhere).</summary>
    [JsonStringEnumMemberName("link")]
    Link,

    /// <summary>The collectives phase as a whole (Subject <c>collectives</c>): its run failed its rules, could not run or computed wrong results.</summary>
    [JsonStringEnumMemberName("collective")]
    Collective,

    /// <summary>A phase that did not complete, for a reason no node or link explains (Subject: the phase, <c>pairs</c>).</summary>
    [JsonStringEnumMemberName("phase")]
    Phase,
}

/// <summary>
/// What the cluster verdict blames, with the reason a person reads first:
/// <c>node3: 3 of 3 pairs at 0.46 of the fleet median — its network link</c>, <c>node1↔node2: 0.48 of the pair
/// median, both nodes fine with every other peer</c>, <c>node2: cpu.memory triad 0.55 of the fleet median</c>,
/// <c>node4: did not answer within 120 s (hung or dead)</c>.
/// </summary>
public sealed record ClusterFinding
{
    public required ClusterSubjectKind Kind { get; init; }

    /// <summary>The node name, or <c>a↔b</c> for a link.</summary>
    public required string Subject { get; init; }

    /// <summary>For a link, its two nodes; for a node, the node alone.</summary>
    public required IReadOnlyList<string> Nodes { get; init; }

    /// <summary>What kind of failure: <c>fleet-outlier</c>, <c>rule</c>, <c>slow-network</c>, <c>slow-link</c>, <c>not-answering</c>, <c>could-not-run</c>, <c>wrong-results</c>, <c>duplicate</c> (see <see cref="FindingCategory"/>).</summary>
    public required string Category { get; init; }

    public required string Reason { get; init; }

    /// <summary>The figure behind the finding (a measurement key or pair metric), if one.</summary>
    public string? Figure { get; init; }

    /// <summary>The figure divided by the fleet median (or by the line rate for line-rate findings), if one.</summary>
    public double? Ratio { get; init; }
}
