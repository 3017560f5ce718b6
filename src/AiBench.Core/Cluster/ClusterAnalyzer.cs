using AiBench.Core.Fleet;
using AiBench.Core.Results;

namespace AiBench.Core.Cluster;

/// <summary>
/// The one verdict of a cluster run. Nodes are judged by their own runs (rules, wrong results) and against each
/// other (<see cref="FleetAnalyzer"/>); pairs against the fleet of pairs and the line rate, bad pairs then blamed
/// on a node or a link (<see cref="PairAttribution"/>); the collectives by their own run. The verdict is pass
/// with no finding, error (status partial) when something could not be judged — a node did not answer, a phase
/// did not complete, something could not run — and fail otherwise.
/// </summary>
public static class ClusterAnalyzer
{
    public const string CollectivesSubject = "collectives";

    public static ClusterResult Analyze(ClusterInput input, ClusterJudgement judgement)
    {
        var names = input.Nodes.Select(n => n.Identity.Name).ToList();
        var nodeIndex = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            nodeIndex.TryAdd(names[i], i);
        }

        var findings = new List<ClusterFinding>();
        var notAnswering = new HashSet<int>();
        var members = new List<FleetMember>(input.Nodes.Count);
        for (int i = 0; i < input.Nodes.Count; i++)
        {
            NodeInput node = input.Nodes[i];
            if (node.State == NodeState.NotAnswering)
            {
                notAnswering.Add(i);
                findings.Add(NodeFinding(names[i], FindingCategory.NotAnswering, $"{names[i]}: {node.Detail ?? "did not answer"}"));
            }
            else if (node.Run is { } run)
            {
                members.Add(new FleetMember(node.Identity, run));
            }
            else
            {
                findings.Add(NodeFinding(names[i], FindingCategory.CouldNotRun, $"{names[i]}: {node.Detail ?? "answered, but its run did not arrive"}"));
            }
        }

        findings.AddRange(DuplicateRuns.Find(input.Nodes));
        FigureNames nodeFigures = FigureNames.Of(members.SelectMany(m => m.Run.Measurements));
        foreach (FleetMember member in members)
        {
            findings.AddRange(RunChecks.Judge(member.Run, ClusterSubjectKind.Node, member.Node.Name, [member.Node.Name], nodeFigures));
        }

        FleetComparison fleet = FleetComparison.Of(members, judgement, nodeFigures);
        findings.AddRange(fleet.Findings);

        PairFigureIndex pairFigures = PairFigureIndex.Of(input.Pairs, nodeIndex);
        List<JudgedPair> pairs = PairJudging.Judge(input, nodeIndex, notAnswering, pairFigures, judgement);
        findings.AddRange(PairAttribution.Attribute(names, pairs, judgement));

        if (input.Collectives is { } collectives)
        {
            findings.AddRange(RunChecks.Judge(collectives, ClusterSubjectKind.Collective, CollectivesSubject, [],
                FigureNames.Of(collectives.Measurements)));
        }

        var unfinished = input.Phases.Where(p => p.Status is ClusterPhaseStatus.Partial or ClusterPhaseStatus.Failed).ToList();
        findings.AddRange(unfinished.Select(PhaseFinding));

        List<ClusterFinding> ordered = FindingOrder.Sort(findings, nodeIndex);
        VerdictStatus verdict = ordered.Count == 0 ? VerdictStatus.Pass
            : ordered.Any(f => FindingCategory.IsError(f.Category)) || unfinished.Count > 0 ? VerdictStatus.Error
            : VerdictStatus.Fail;
        return new ClusterResult
        {
            ClusterId = input.ClusterId,
            Status = members.Count == 0 ? RunStatus.Failed : verdict == VerdictStatus.Error ? RunStatus.Partial : RunStatus.Complete,
            Verdict = verdict,
            Tool = input.Tool,
            CommandLine = input.CommandLine,
            Launcher = input.Launcher,
            Ranks = input.Ranks,
            StartedAt = input.StartedAt,
            FinishedAt = input.FinishedAt,
            Phases = input.Phases,
            Nodes = NodeResults(input, names, ordered, fleet),
            Pairs = pairs.Select(p => p.Result).ToList(),
            Matrices = PairMatrices.Build(names, pairs, pairFigures),
            LineRate = input.LineRate,
            Findings = ordered,
        };
    }

    /// <summary>Each node with its own verdict and the cluster's: error when it could not be judged, fail when blamed, else pass.</summary>
    private static List<NodeResult> NodeResults(ClusterInput input, List<string> names, List<ClusterFinding> findings, FleetComparison fleet)
    {
        var worst = new Dictionary<string, VerdictStatus>(StringComparer.Ordinal);
        foreach (ClusterFinding f in findings.Where(f => f.Kind == ClusterSubjectKind.Node))
        {
            VerdictStatus status = FindingCategory.IsError(f.Category) ? VerdictStatus.Error : VerdictStatus.Fail;
            foreach (string node in f.Nodes)
            {
                if (!worst.TryGetValue(node, out VerdictStatus seen) || seen != VerdictStatus.Error)
                {
                    worst[node] = status;
                }
            }
        }

        return input.Nodes.Select((node, i) => new NodeResult
        {
            Identity = node.Identity,
            State = node.State,
            RunFolder = node.RunFolder,
            OwnVerdict = node.Run?.Verdict ?? VerdictStatus.None,
            Verdict = worst.GetValueOrDefault(names[i], VerdictStatus.Pass),
            FleetRatios = fleet.Ratios.TryGetValue(names[i], out var ratios) ? ratios : new Dictionary<string, double>(),
        }).ToList();
    }

    private static ClusterFinding NodeFinding(string node, string category, string reason) => new()
    {
        Kind = ClusterSubjectKind.Node,
        Subject = node,
        Nodes = [node],
        Category = category,
        Reason = reason,
    };

    private static ClusterFinding PhaseFinding(ClusterPhase phase)
    {
        string name = phase.Kind.ToString().ToLowerInvariant();
        string status = phase.Status == ClusterPhaseStatus.Partial ? "ended early" : "failed";
        return new ClusterFinding
        {
            Kind = ClusterSubjectKind.Phase,
            Subject = name,
            Nodes = [],
            Category = FindingCategory.CouldNotRun,
            Reason = phase.Detail is null ? $"{name}: {status}" : $"{name}: {status} — {phase.Detail}",
        };
    }
}
