namespace AiBench.Core.Cluster;

/// <summary>
/// The circle method: node m − 1 stays put while the others rotate one place per round; in round r node r meets the
/// fixed node and r + i meets r − i (mod m − 1). For odd n a phantom node m − 1 = n makes the count even, and
/// whoever meets it sits the round out.
/// </summary>
internal static class RoundRobin
{
    public static PairSchedule Plan(int n)
    {
        int m = n % 2 == 0 ? n : n + 1;
        int rotating = m - 1;
        var rounds = new List<IReadOnlyList<NodePair>>(rotating);
        for (int r = 0; r < rotating; r++)
        {
            var round = new List<NodePair>(m / 2);
            if (m - 1 < n)
            {
                round.Add(NodePair.Of(r, m - 1));
            }

            for (int i = 1; i < m / 2; i++)
            {
                round.Add(NodePair.Of((r + i) % rotating, (r - i + rotating) % rotating));
            }

            rounds.Add(round);
        }

        return new PairSchedule(rounds);
    }
}
