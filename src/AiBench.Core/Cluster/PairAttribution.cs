using System.Globalization;
using AiBench.Core.Fleet;
using AiBench.Core.Results;

namespace AiBench.Core.Cluster;

/// <summary>
/// Says whether bad pairs are a node's fault or a link's. A node is blamed when at least two of its counted pairs
/// are bad and they are at least <see cref="ClusterJudgement.NodeBlameShare"/> of them: a slow NIC makes every pair
/// of its node slow, while one slow node costs each of its peers only one pair (1 of 3 at n = 4, never two). A bad
/// pair is then explained by a blamed node; one whose nodes are both fine otherwise is the link's fault.
/// </summary>
internal static class PairAttribution
{
    public const string LinkSeparator = "↔";

    /// <summary>A finding for each blamed node, then for each bad pair neither of whose nodes is blamed.</summary>
    public static List<ClusterFinding> Attribute(IReadOnlyList<string> names, List<JudgedPair> pairs, ClusterJudgement judgement)
    {
        int n = names.Count;
        int[] counted = new int[n];
        var badPairs = new List<JudgedPair>?[n];
        foreach (JudgedPair p in pairs.Where(p => p.Counted))
        {
            counted[p.A]++;
            counted[p.B]++;
            if (p.Bad)
            {
                (badPairs[p.A] ??= []).Add(p);
                (badPairs[p.B] ??= []).Add(p);
            }
        }

        var findings = new List<ClusterFinding>();
        var blamed = new HashSet<int>();
        for (int i = 0; i < n; i++)
        {
            if (badPairs[i] is { Count: >= 2 } bad && bad.Count >= judgement.NodeBlameShare * counted[i])
            {
                blamed.Add(i);
                findings.Add(NodeFinding(names[i], bad, counted[i]));
            }
        }

        foreach (JudgedPair p in pairs.Where(p => p.Bad && !blamed.Contains(p.A) && !blamed.Contains(p.B)))
        {
            findings.Add(LinkFinding(n, p, counted[p.A] > 1, counted[p.B] > 1));
        }

        return findings;
    }

    private static ClusterFinding NodeFinding(string node, List<JudgedPair> bad, int counted)
    {
        var failed = bad.Where(p => p.Result.Verdict == VerdictStatus.Fail).ToList();
        int errors = bad.Count - failed.Count;
        string unmeasured = errors > 0 && failed.Count > 0 ? Text($"; {errors} more could not be measured") : "";
        // Name the failure that says most: bandwidth against the fleet, then against the line rate, then latency.
        string? figure = null;
        double? ratio = null;
        string how = "";
        if (failed.Any(p => p.BandwidthFailed))
        {
            (figure, ratio) = (PairMetrics.Bandwidth, Median(failed.Where(p => p.BandwidthFailed).Select(p => p.Result.RatioToFleet!.Value)));
            how = Text($"at {ratio:0.00} of the fleet median");
        }
        else if (failed.Any(p => p.LineRateFailed))
        {
            (figure, ratio) = (PairMetrics.Bandwidth, Median(failed.Where(p => p.LineRateFailed).Select(p => p.Result.RatioToLineRate!.Value)));
            how = Text($"at {ratio:0.00} of the line rate");
        }
        else if (failed.Count > 0)
        {
            (figure, ratio) = (PairMetrics.Latency, Median(failed.Select(p => p.LatencyRatio!.Value)));
            how = Text($"with latency {ratio:0.0}× the fleet median");
        }

        string reason = failed.Count > 0
            ? $"{node}: {Count(failed.Count)} of {Count(counted)} pairs {how}{unmeasured} — its network link"
            : $"{node}: {Count(errors)} of {Count(counted)} pairs could not be measured ({bad[0].Result.Reason}) — its network link";
        return new ClusterFinding
        {
            Kind = ClusterSubjectKind.Node,
            Subject = node,
            Nodes = [node],
            Category = failed.Count > 0 ? FindingCategory.SlowNetwork : FindingCategory.CouldNotRun,
            Reason = reason,
            Figure = figure,
            Ratio = ratio,
        };
    }

    private static ClusterFinding LinkFinding(int nodeCount, JudgedPair p, bool aHasOtherPeers, bool bHasOtherPeers)
    {
        PairResult r = p.Result;
        string link = r.A + LinkSeparator + r.B;
        string because = nodeCount == 2 ? "with two nodes a slow pair cannot be told from a slow node"
            : aHasOtherPeers && bHasOtherPeers ? "both nodes fine with their other peers"
            : aHasOtherPeers ? $"{r.B} has no other peer measured, so the link cannot be told from {r.B}"
            : bHasOtherPeers ? $"{r.A} has no other peer measured, so the link cannot be told from {r.A}"
            : "neither node has another peer measured, so the link cannot be told from its nodes";
        bool failed = r.Verdict == VerdictStatus.Fail;
        return new ClusterFinding
        {
            Kind = ClusterSubjectKind.Link,
            Subject = link,
            Nodes = [r.A, r.B],
            Category = failed ? FindingCategory.SlowLink : FindingCategory.CouldNotRun,
            Reason = failed ? $"{link}: {r.Reason}; {because}" : $"{link}: could not be measured ({r.Reason}); {because}",
            Figure = p.BandwidthFailed || p.LineRateFailed ? PairMetrics.Bandwidth : p.LatencyFailed ? PairMetrics.Latency : null,
            Ratio = p.BandwidthFailed ? r.RatioToFleet : p.LineRateFailed ? r.RatioToLineRate : p.LatencyFailed ? p.LatencyRatio : null,
        };
    }

    private static double Median(IEnumerable<double> values) => RobustSpread.MedianOf(values.ToArray());

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
