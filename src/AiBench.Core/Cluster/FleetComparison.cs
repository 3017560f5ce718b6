using System.Globalization;
using AiBench.Core.Fleet;

namespace AiBench.Core.Cluster;

/// <summary>
/// The nodes' own runs compared figure by figure with <see cref="FleetAnalyzer"/>: a finding per outlying figure
/// (<c>node3: cpu.memory triad 0.55 of the fleet median (robust z 12.3)</c>) and, per node, every judged figure
/// over its fleet median (the node × figure heatmap).
/// </summary>
internal sealed record FleetComparison(IReadOnlyList<ClusterFinding> Findings, IReadOnlyDictionary<string, Dictionary<string, double>> Ratios)
{
    public static FleetComparison Of(IReadOnlyList<FleetMember> members, ClusterJudgement judgement, FigureNames names)
    {
        var findings = new List<ClusterFinding>();
        var ratios = members.ToDictionary(m => m.Node.Name, _ => new Dictionary<string, double>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (FleetFinding f in FleetAnalyzer.Analyze(members, judgement.ZThreshold, maxDeviation: null, judgement.MinDeviation))
        {
            if (f.FleetMedian == 0)
            {
                continue;
            }

            double ratio = f.Value / f.FleetMedian;
            ratios[f.Node][f.Key] = ratio;
            if (f.IsOutlier && !judgement.FleetIgnore.Any(prefix => f.Key.StartsWith(prefix, StringComparison.Ordinal)))
            {
                findings.Add(new ClusterFinding
                {
                    Kind = ClusterSubjectKind.Node,
                    Subject = f.Node,
                    Nodes = [f.Node],
                    Category = FindingCategory.FleetOutlier,
                    Reason = string.Create(CultureInfo.InvariantCulture,
                        $"{f.Node}: {names[f.Key]} {ratio:0.00} of the fleet median (robust z {Math.Abs(f.RobustZ):0.0})"),
                    Figure = f.Key,
                    Ratio = ratio,
                });
            }
        }

        return new FleetComparison(findings, ratios);
    }
}
