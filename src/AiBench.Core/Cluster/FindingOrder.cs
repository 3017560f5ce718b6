namespace AiBench.Core.Cluster;

/// <summary>
/// Orders findings worst first: nodes that did not answer, wrong results, node faults, link faults, the rest
/// (collectives, phases, duplicates); within each, what could not run before rule failures before comparisons
/// with the fleet, then the furthest from the fleet (|ln ratio|), then by node order.
/// </summary>
internal static class FindingOrder
{
    private static readonly string[] CategoryOrder =
    [
        FindingCategory.NotAnswering, FindingCategory.WrongResults, FindingCategory.CouldNotRun, FindingCategory.Rule,
        FindingCategory.SlowNetwork, FindingCategory.SlowLink, FindingCategory.FleetOutlier, FindingCategory.Duplicate,
    ];

    public static List<ClusterFinding> Sort(IEnumerable<ClusterFinding> findings, IReadOnlyDictionary<string, int> nodeIndex) =>
        findings
            .OrderBy(Group)
            .ThenBy(f => Array.IndexOf(CategoryOrder, f.Category) is int i and >= 0 ? i : CategoryOrder.Length)
            .ThenByDescending(f => f.Ratio is > 0 and var r ? Math.Abs(Math.Log(r)) : 0)
            .ThenBy(f => f.Nodes.Count > 0 && nodeIndex.TryGetValue(f.Nodes[0], out int i) ? i : int.MaxValue)
            .ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ThenBy(f => f.Figure, StringComparer.Ordinal)
            .ToList();

    private static int Group(ClusterFinding f) => f switch
    {
        { Category: FindingCategory.NotAnswering } => 0,
        { Category: FindingCategory.WrongResults } => 1,
        { Category: FindingCategory.Duplicate } => 4,
        { Kind: ClusterSubjectKind.Node } => 2,
        { Kind: ClusterSubjectKind.Link } => 3,
        _ => 4,
    };
}
