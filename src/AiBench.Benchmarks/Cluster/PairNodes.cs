namespace AiBench.Benchmarks.Cluster;

/// <summary>The nodes of a job as the pair tests see them: each distinct host, in rank order, and the rank that speaks for it.</summary>
public sealed class PairNodes
{
    private readonly Dictionary<int, int> _nodeOfLeader;

    private PairNodes(IReadOnlyList<string> hosts, IReadOnlyList<int> leaders)
    {
        Hosts = hosts;
        Leaders = leaders;
        _nodeOfLeader = leaders.Select((rank, node) => (rank, node)).ToDictionary(x => x.rank, x => x.node);
    }

    /// <summary>Host name of each node.</summary>
    public IReadOnlyList<string> Hosts { get; }

    /// <summary>The lowest rank on each node.</summary>
    public IReadOnlyList<int> Leaders { get; }

    public int Count => Hosts.Count;

    public static PairNodes Of(IReadOnlyList<string> rankHosts)
    {
        var hosts = new List<string>();
        var leaders = new List<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int rank = 0; rank < rankHosts.Count; rank++)
        {
            if (seen.Add(rankHosts[rank]))
            {
                hosts.Add(rankHosts[rank]);
                leaders.Add(rank);
            }
        }

        return new PairNodes(hosts, leaders);
    }

    /// <summary>The node this rank speaks for, or −1 when another rank of its node does.</summary>
    public int NodeOf(int rank) => _nodeOfLeader.TryGetValue(rank, out int node) ? node : -1;
}
