namespace AiBench.Core.Cluster;

/// <summary>The values of <see cref="ClusterFinding.Category"/>.</summary>
public static class FindingCategory
{
    /// <summary>A node-suite figure worse than the fleet of nodes (robust z and minimum deviation).</summary>
    public const string FleetOutlier = "fleet-outlier";

    /// <summary>A run failed its own rules (datasheet thresholds).</summary>
    public const string Rule = "rule";

    /// <summary>Most of a node's pairs are slow: the node's network (NIC, cable, port), not the links.</summary>
    public const string SlowNetwork = "slow-network";

    /// <summary>One pair is slow while both its nodes are fine with their other peers: the path between them.</summary>
    public const string SlowLink = "slow-link";

    /// <summary>A node stopped answering (hung, stopped or dead).</summary>
    public const string NotAnswering = "not-answering";

    /// <summary>Something could not be measured: a benchmark of a node, a pair, a phase.</summary>
    public const string CouldNotRun = "could-not-run";

    /// <summary>A result checked against its expected value was wrong (Correctness.Wrong &gt; 0).</summary>
    public const string WrongResults = "wrong-results";

    /// <summary>One machine counted twice (see <see cref="DuplicateRuns"/>).</summary>
    public const string Duplicate = DuplicateRuns.Category;

    /// <summary>Whether the category means the cluster could not be fully judged (verdict error) rather than judged bad (fail).</summary>
    public static bool IsError(string category) => category is NotAnswering or CouldNotRun;
}
