using System.Text.Json.Serialization;
using AiBench.Core.Results;

namespace AiBench.Core.Cluster;

[JsonConverter(typeof(JsonStringEnumConverter<NodeState>))]
public enum NodeState
{
    /// <summary>The node's results arrived.</summary>
    [JsonStringEnumMemberName("answered")]
    Answered,

    /// <summary>The node stopped answering within the phase's timeout (hung, stopped or dead).</summary>
    [JsonStringEnumMemberName("not-answering")]
    NotAnswering,
}

/// <summary>One node in the cluster verdict: who it is, its own run, and how it compares with the fleet.</summary>
public sealed record NodeResult
{
    public required NodeIdentity Identity { get; init; }

    public required NodeState State { get; init; }

    /// <summary>Its node-suite run folder relative to the cluster folder (<c>nodes/node1</c>), when its run arrived.</summary>
    public string? RunFolder { get; init; }

    /// <summary>The verdict of its own run against the suite's rules (none when its run never arrived).</summary>
    public VerdictStatus OwnVerdict { get; init; }

    /// <summary>Pass when nothing is blamed on this node.</summary>
    public required VerdictStatus Verdict { get; init; }

    /// <summary>Each node-suite figure divided by the fleet median of that figure (measurement key → ratio), for the heatmap.</summary>
    public IReadOnlyDictionary<string, double> FleetRatios { get; init; } = new Dictionary<string, double>();
}
