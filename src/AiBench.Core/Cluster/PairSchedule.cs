namespace AiBench.Core.Cluster;

/// <summary>
/// The pair phase's plan: rounds of node pairs measured at the same time, no node twice in a round (a node's
/// network is measured with one peer at a time). Planned by <see cref="Plan"/>:
/// <list type="bullet">
/// <item><c>all</c>: a round-robin tournament by the circle method; n − 1 rounds for even n, n rounds with one
/// node idle per round for odd n; every pair exactly once.</item>
/// <item><c>ring</c>: (i, i+1 mod n) for each node; 2 rounds for even n, 3 for odd n, one pair for n = 2.</item>
/// <item><c>random:K</c>: every node in at least K distinct pairs drawn from <c>seed</c>, packed first-fit into
/// rounds (about K + 1 of them; at most 2Δ − 1 for the largest number of peers Δ of a node); <c>all</c> when K ≥ n − 1.</item>
/// </list>
/// </summary>
public sealed record PairSchedule(IReadOnlyList<IReadOnlyList<NodePair>> Rounds)
{
    public static PairSchedule Empty { get; } = new([]);

    /// <summary>Every pair of the plan, round after round.</summary>
    public IEnumerable<NodePair> Pairs => Rounds.SelectMany(r => r);

    public static PairSchedule Plan(int nodeCount, PairSelection selection, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        if (nodeCount < 2)
        {
            return Empty;
        }

        return selection.Kind switch
        {
            PairSelectionKind.All => RoundRobin.Plan(nodeCount),
            PairSelectionKind.Ring => RingRounds.Plan(nodeCount),
            PairSelectionKind.Random when selection.PeersPerNode >= nodeCount - 1 => RoundRobin.Plan(nodeCount),
            PairSelectionKind.Random => RandomPairs.Plan(nodeCount, selection.PeersPerNode, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(selection)),
        };
    }
}
