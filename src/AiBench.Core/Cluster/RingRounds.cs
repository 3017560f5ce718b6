namespace AiBench.Core.Cluster;

/// <summary>
/// The ring (i, i+1 mod n) in the fewest rounds: the even-numbered edges, then the odd ones; for odd n the edge
/// that closes the ring touches node 0 and node n − 1, both already busy, so it takes a third round.
/// </summary>
internal static class RingRounds
{
    public static PairSchedule Plan(int n)
    {
        if (n == 2)
        {
            return new PairSchedule([[new NodePair(0, 1)]]);
        }

        var even = new List<NodePair>(n / 2 + 1);
        var odd = new List<NodePair>(n / 2 + 1);
        int openEdges = n % 2 == 0 ? n : n - 1;
        for (int i = 0; i < openEdges; i++)
        {
            (i % 2 == 0 ? even : odd).Add(NodePair.Of(i, (i + 1) % n));
        }

        return n % 2 == 0
            ? new PairSchedule([even, odd])
            : new PairSchedule([even, odd, [NodePair.Of(n - 1, 0)]]);
    }
}
