using AiBench.Core.Cluster;
using AiBench.Core.Results;

namespace AiBench.Core.Fleet;

/// <summary>
/// Finds the slow node of a fleet: groups the runs' measurements by <see cref="Measurement.Key"/> (benchmark,
/// metric, parameters, labels such as the GPU index), and flags a node whose figure is worse than the fleet median
/// in the metric's direction both by a robust z-score beyond the threshold (median/MAD, so one bad node cannot hide
/// itself by inflating the spread; the MAD floored by <see cref="RobustSpread"/>) and by at least the minimum
/// deviation relative to the median — or, when a maximum deviation is given, by more than that alone. Better-than-fleet
/// figures are never flagged. Keys seen on fewer than <see cref="MinimumNodes"/> nodes are not judged: with two
/// nodes nothing says which one is off; from three on the median is the majority's figure.
/// </summary>
public static class FleetAnalyzer
{
    public const double DefaultZThreshold = 3.5;

    /// <summary>
    /// How much worse than the median a figure must be to count as a z outlier (10%): like nodes scatter by 1–3%,
    /// and a figure with a tight fleet can score a high z for a difference nobody would replace a node for.
    /// </summary>
    public const double DefaultMinDeviation = 0.10;

    public const int MinimumNodes = 3;

    /// <summary>Compares runs, one per node; nodes are named by <see cref="NodeIdentities.Assign"/> from the runs' systems.</summary>
    public static IReadOnlyList<FleetFinding> Analyze(
        IReadOnlyList<Run> runs, double zThreshold = DefaultZThreshold, double? maxDeviation = null, double minDeviation = DefaultMinDeviation)
    {
        IReadOnlyList<NodeIdentity> nodes = NodeIdentities.Assign(runs.Select(NodeDescription.Of).ToList());
        return Analyze(runs.Select((run, i) => new FleetMember(nodes[i], run)).ToList(), zThreshold, maxDeviation, minDeviation);
    }

    /// <summary>Compares the members' runs figure by figure; one finding per member and judged key, keys in ordinal order.</summary>
    public static IReadOnlyList<FleetFinding> Analyze(
        IReadOnlyList<FleetMember> members, double zThreshold = DefaultZThreshold, double? maxDeviation = null, double minDeviation = DefaultMinDeviation)
    {
        var groups = new Dictionary<string, List<(FleetMember Member, Measurement Measurement)>>(StringComparer.Ordinal);
        foreach (FleetMember member in members)
        {
            foreach (Measurement m in member.Run.Measurements)
            {
                if (double.IsNaN(m.Value))
                {
                    continue;
                }

                string key = m.Key;
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = [];
                }

                group.Add((member, m));
            }
        }

        var findings = new List<FleetFinding>();
        foreach (string key in groups.Keys.Order(StringComparer.Ordinal))
        {
            var group = groups[key];
            if (group.Count < MinimumNodes)
            {
                continue;
            }

            RobustSpread spread = RobustSpread.Of(group.Select(g => g.Measurement).ToList());
            foreach ((FleetMember member, Measurement m) in group)
            {
                double sign = m.Better == Direction.Higher ? -1 : 1;   // positive = worse than the fleet
                double z = spread.Z(m.Value);
                double deviation = spread.Median == 0 ? 0 : m.Value / spread.Median - 1;
                bool zOutlier = sign * z > zThreshold && sign * deviation >= minDeviation;
                bool deviationOutlier = maxDeviation is { } limit && sign * deviation > limit;
                string reason = zOutlier && deviationOutlier ? "robust z and deviation"
                    : zOutlier ? "robust z"
                    : deviationOutlier ? "deviation"
                    : "";
                findings.Add(new FleetFinding(key, m.Benchmark, m.Metric, m.Unit, member.Run.System.Host, member.Run.RunId,
                    m.Value, spread.Median, z, deviation, zOutlier || deviationOutlier, reason) { Node = member.Node.Name });
            }
        }

        return findings;
    }
}
