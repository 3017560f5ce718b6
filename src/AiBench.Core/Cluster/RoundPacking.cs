namespace AiBench.Core.Cluster;

/// <summary>
/// Packs pairs into rounds where no node appears twice: each pair goes into the first round in which both its nodes
/// are free. A pair is blocked by at most 2(Δ − 1) others, so at most 2Δ − 1 rounds for Δ peers per node.
/// </summary>
internal static class RoundPacking
{
    public static PairSchedule FirstFit(int n, IReadOnlyList<NodePair> pairs)
    {
        var busy = new List<bool[]>();
        var rounds = new List<List<NodePair>>();
        foreach (NodePair pair in pairs)
        {
            int r = 0;
            while (r < rounds.Count && (busy[r][pair.A] || busy[r][pair.B]))
            {
                r++;
            }

            if (r == rounds.Count)
            {
                busy.Add(new bool[n]);
                rounds.Add([]);
            }

            busy[r][pair.A] = busy[r][pair.B] = true;
            rounds[r].Add(pair);
        }

        foreach (List<NodePair> round in rounds)
        {
            round.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        }

        return new PairSchedule(rounds);
    }
}
