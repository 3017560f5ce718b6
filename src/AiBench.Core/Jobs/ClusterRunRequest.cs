using AiBench.Core.Hosts;
using AiBench.Core.Running;
using AiBench.Core.Suites;

namespace AiBench.Core.Jobs;

/// <summary>What a cluster run runs: the three phases' plans (every rank plans the same), its policy and identity.</summary>
public sealed record ClusterRunRequest
{
    public required string ClusterId { get; init; }

    public required ClusterPolicy Policy { get; init; }

    /// <summary>The node checks, run by the rank that speaks for each node.</summary>
    public required RunPlan NodePlan { get; init; }

    /// <summary>Point-to-point tests between node pairs (every rank), or null when the suite has none.</summary>
    public RunPlan? PairPlan { get; init; }

    /// <summary>Collectives across every rank, or null when the suite has none.</summary>
    public RunPlan? CollectivePlan { get; init; }

    /// <summary>Options for each phase's run (its RunId is replaced per phase).</summary>
    public required RunOptions RunOptions { get; init; }

    public required SystemInfo System { get; init; }

    /// <summary>Why the pair and collective phases do not run although the suite has them (no launcher), or null.</summary>
    public string? JobWidePhasesSkipped { get; init; }

    /// <summary>The line rate pairs are judged against (B/s), when set with <c>--set link-rate</c>.</summary>
    public double? LineRate { get; init; }
}
