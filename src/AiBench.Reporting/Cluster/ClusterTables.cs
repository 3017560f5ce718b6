using AiBench.Core.Cluster;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Cluster;

/// <summary>What the summary and the HTML report both list, in the same order and with the same limits.</summary>
public static class ClusterTables
{
    /// <summary>Pairs shown in a table; the rest are in cluster.json (all-pairs on 2,048 nodes is two million).</summary>
    public const int MaxPairRows = 2_000;

    /// <summary>Findings listed; a broken switch can blame thousands of links.</summary>
    public const int MaxFindings = 500;

    public static readonly IReadOnlyList<string> NodeHeaders = ["name", "host", "machine id", "ranks", "state", "own verdict", "verdict"];

    public static readonly IReadOnlyList<string> PairHeaders =
        ["A", "B", "round", "A→B", "B→A", "bidir", "latency", "ratio to fleet", "ratio to line rate", "verdict", "reason"];

    public static readonly IReadOnlyList<string> PhaseHeaders = ["phase", "status", "wall time", "detail"];

    /// <summary>Failing pairs first (worst ratio first), then the rest in the order measured; at most <see cref="MaxPairRows"/>.</summary>
    public static IReadOnlyList<PairResult> PairRows(ClusterResult result) =>
        result.Pairs.Where(p => ClusterText.IsFailure(p.Verdict)).OrderBy(p => p.RatioToFleet ?? double.NegativeInfinity)
            .Concat(result.Pairs.Where(p => !ClusterText.IsFailure(p.Verdict)))
            .Take(MaxPairRows)
            .ToList();

    public static IReadOnlyList<string> NodeCells(NodeResult node) =>
    [
        node.Identity.Name, node.Identity.Host, ClusterText.ShortMachineId(node.Identity.MachineId), ClusterText.Ranks(node.Identity.Ranks),
        ClusterText.Of(node.State), EnumText.Of(node.OwnVerdict), EnumText.Of(node.Verdict),
    ];

    public static IReadOnlyList<string> PairCells(PairResult pair) =>
    [
        pair.A, pair.B, ClusterText.Invariant(pair.Round), ClusterText.Bandwidth(pair.BandwidthAToB), ClusterText.Bandwidth(pair.BandwidthBToA),
        ClusterText.Bandwidth(pair.BidirectionalBandwidth), ClusterText.Latency(pair.Latency), ClusterText.Ratio(pair.RatioToFleet),
        ClusterText.Ratio(pair.RatioToLineRate), EnumText.Of(pair.Verdict), string.IsNullOrEmpty(pair.Reason) ? "—" : pair.Reason,
    ];

    public static readonly ISet<int> PairNumericColumns = new HashSet<int> { 2, 3, 4, 5, 6, 7, 8 };

    public static IReadOnlyList<string> PhaseCells(ClusterPhase phase) =>
        [ClusterText.Of(phase.Kind), ClusterText.Of(phase.Status), ClusterText.Seconds(phase.Seconds), phase.Detail ?? "—"];

    /// <summary>The header facts of a cluster result, as (label, value) pairs.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> HeaderItems(ClusterResult result)
    {
        var items = new List<KeyValuePair<string, string>>
        {
            new("Cluster", result.ClusterId),
            new("Status", EnumText.Of(result.Status)),
            new("Verdict", EnumText.Of(result.Verdict)),
            new("Nodes", ClusterText.Invariant(result.Nodes.Count)),
        };
        if (result.Ranks > 0)
        {
            items.Add(new("Ranks", ClusterText.Invariant(result.Ranks)));
        }

        items.Add(new("Launcher", result.Launcher));
        if (result.Pairs.Count > 0)
        {
            items.Add(new("Pairs", ClusterText.Invariant(result.Pairs.Count)));
        }

        if (result.LineRate is { } lineRate)
        {
            items.Add(new("Line rate", ClusterText.Bandwidth(lineRate)));
        }

        items.Add(new("Tool", RunText.Tool(result.Tool)));
        items.Add(new("Started", RunText.Timestamp(result.StartedAt)));
        items.Add(new("Duration", RunText.Duration(result.FinishedAt - result.StartedAt)));
        if (!string.IsNullOrEmpty(result.CommandLine))
        {
            items.Add(new("Command", result.CommandLine));
        }

        return items;
    }

    /// <summary>The default run folder of a phase when the result does not name one.</summary>
    public static string? PhaseFolder(ClusterPhase phase) =>
        phase.Folder ?? phase.Kind switch
        {
            ClusterPhaseKind.Pairs => "pairs",
            ClusterPhaseKind.Collectives => "collectives",
            _ => null,
        };
}
