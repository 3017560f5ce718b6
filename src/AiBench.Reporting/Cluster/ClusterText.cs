using System.Globalization;
using AiBench.Core.Cluster;
using AiBench.Core.Results;
using AiBench.Core.Units;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Cluster;

/// <summary>How a cluster result's parts read in the summary, the HTML report and JUnit, in one place.</summary>
public static class ClusterText
{
    public static string Of(NodeState state) => state == NodeState.Answered ? "answered" : "not answering";

    public static string Of(ClusterPhaseKind kind) => kind switch
    {
        ClusterPhaseKind.Nodes => "nodes",
        ClusterPhaseKind.Pairs => "pairs",
        _ => "collectives",
    };

    public static string Of(ClusterPhaseStatus status) => status switch
    {
        ClusterPhaseStatus.Complete => "complete",
        ClusterPhaseStatus.Partial => "partial",
        ClusterPhaseStatus.Skipped => "skipped",
        _ => "failed",
    };

    /// <summary><c>node</c>, <c>link</c>, <c>collective</c>, <c>phase</c>: as cluster.json spells the kind.</summary>
    public static string Of(ClusterSubjectKind kind) => kind switch
    {
        ClusterSubjectKind.Node => "node",
        ClusterSubjectKind.Link => "link",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The verdict line a person reads first: <c>FAIL: 1 of 4 nodes and 1 of 6 pairs failed (run complete)</c>.</summary>
    public static string VerdictLine(ClusterResult result)
    {
        int nodesFailed = result.Nodes.Count(n => IsFailure(n.Verdict));
        int pairsFailed = result.Pairs.Count(p => IsFailure(p.Verdict));
        string what = result.Pairs.Count > 0
            ? $"{Count(nodesFailed, result.Nodes.Count, "node")} and {Count(pairsFailed, result.Pairs.Count, "pair")} failed"
            : $"{Count(nodesFailed, result.Nodes.Count, "node")} failed";
        return $"{EnumText.Of(result.Verdict).ToUpperInvariant()}: {what} (run {EnumText.Of(result.Status)})";
    }

    public static bool IsFailure(VerdictStatus verdict) => verdict is VerdictStatus.Fail or VerdictStatus.Error;

    /// <summary>The first 8 characters of a machine id (enough to tell machines apart in a table), or —.</summary>
    public static string ShortMachineId(string? machineId) =>
        string.IsNullOrEmpty(machineId) ? "—" : machineId.Length <= 8 ? machineId : machineId[..8];

    /// <summary>Ranks as ranges: <c>0–7</c>, <c>0, 2, 4–6</c>; — for none.</summary>
    public static string Ranks(IReadOnlyList<int> ranks)
    {
        if (ranks.Count == 0)
        {
            return "—";
        }

        var sorted = ranks.Order().ToList();
        var parts = new List<string>();
        int start = sorted[0];
        int previous = start;
        foreach (int rank in sorted.Skip(1).Append(int.MinValue))
        {
            if (rank == previous + 1)
            {
                previous = rank;
                continue;
            }

            parts.Add(start == previous ? Invariant(start) : $"{Invariant(start)}–{Invariant(previous)}");
            start = previous = rank;
        }

        return string.Join(", ", parts);
    }

    public static string Bandwidth(double? bytesPerSecond) => bytesPerSecond is { } v ? UnitFormatter.Format(v, Unit.BytesPerSecond) : "—";

    public static string Latency(double? seconds) => seconds is { } v ? UnitFormatter.Format(v, Unit.Seconds) : "—";

    /// <summary>A ratio to two decimals (<c>0.46</c>), — when unknown.</summary>
    public static string Ratio(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    public static string Seconds(double seconds) => RunText.Duration(TimeSpan.FromSeconds(Math.Max(0, seconds)));

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>node1↔node2</c>, as findings name a link.</summary>
    public static string PairName(PairResult pair) => $"{pair.A}↔{pair.B}";

    /// <summary>The findings that blame <paramref name="node"/> as a node (not a link it is part of); a duplicate names every copy.</summary>
    public static IEnumerable<ClusterFinding> FindingsOf(ClusterResult result, NodeResult node) =>
        result.Findings.Where(f => f.Kind == ClusterSubjectKind.Node && (f.Subject == node.Identity.Name || f.Nodes.Contains(node.Identity.Name)));

    /// <summary>Why the node failed: its findings' reasons, else its state, else its own verdict.</summary>
    public static string NodeReason(ClusterResult result, NodeResult node)
    {
        var reasons = FindingsOf(result, node).Select(f => f.Reason).ToList();
        if (reasons.Count > 0)
        {
            return string.Join("; ", reasons);
        }

        return node.State == NodeState.NotAnswering ? "did not answer"
            : IsFailure(node.OwnVerdict) ? $"its own run's verdict is {EnumText.Of(node.OwnVerdict)}"
            : IsFailure(node.Verdict) ? $"verdict {EnumText.Of(node.Verdict)}"
            : string.Empty;
    }

    private static string Count(int failed, int total, string noun) =>
        $"{Invariant(failed)} of {Invariant(total)} {noun}{(total == 1 ? "" : "s")}";
}
