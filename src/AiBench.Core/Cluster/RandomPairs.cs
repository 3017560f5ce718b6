namespace AiBench.Core.Cluster;

/// <summary>
/// <c>random:K</c> pairs: K / 2 random Hamiltonian cycles (two peers per node each), a random perfect matching for
/// odd K, then random peers for any node left short (a cycle repeating an earlier pair, the odd node out of a
/// matching) — so every node has at least K distinct peers, nearly every node exactly K, about n·K / 2 pairs in all.
/// Cycles rather than independent draws keep a node's peer count from straying far above K, which bounds the rounds.
/// </summary>
internal static class RandomPairs
{
    public static PairSchedule Plan(int n, int k, int seed)
    {
        var random = new Random(seed);
        var graph = new PeerGraph(n);
        int[] order = Enumerable.Range(0, n).ToArray();
        for (int c = 0; c < k / 2; c++)
        {
            random.Shuffle(order);
            for (int i = 0; i < n; i++)
            {
                graph.Add(order[i], order[(i + 1) % n]);
            }
        }

        if (k % 2 == 1)
        {
            random.Shuffle(order);
            for (int i = 0; i + 1 < n; i += 2)
            {
                graph.Add(order[i], order[i + 1]);
            }
        }

        random.Shuffle(order);
        var candidates = new List<int>();
        foreach (int u in order)
        {
            while (graph.Degree(u) < k)
            {
                // Prefer a peer that is short too, so a top-up serves two nodes; else anyone not yet paired with u.
                candidates.Clear();
                for (int v = 0; v < n; v++)
                {
                    if (v != u && graph.Degree(v) < k && !graph.Contains(u, v))
                    {
                        candidates.Add(v);
                    }
                }

                if (candidates.Count == 0)
                {
                    for (int v = 0; v < n; v++)
                    {
                        if (v != u && !graph.Contains(u, v))
                        {
                            candidates.Add(v);
                        }
                    }
                }

                graph.Add(u, candidates[random.Next(candidates.Count)]);
            }
        }

        return RoundPacking.FirstFit(n, graph.Pairs);
    }

    /// <summary>The distinct pairs drawn so far, in the order drawn, and each node's number of peers.</summary>
    private sealed class PeerGraph(int n)
    {
        private readonly HashSet<long> _keys = [];
        private readonly int[] _degrees = new int[n];

        public List<NodePair> Pairs { get; } = [];

        public int Degree(int node) => _degrees[node];

        public bool Contains(int x, int y) => _keys.Contains(Key(NodePair.Of(x, y)));

        public void Add(int x, int y)
        {
            if (x == y)
            {
                return;
            }

            NodePair pair = NodePair.Of(x, y);
            if (_keys.Add(Key(pair)))
            {
                Pairs.Add(pair);
                _degrees[x]++;
                _degrees[y]++;
            }
        }

        private long Key(NodePair pair) => (long)pair.A * n + pair.B;
    }
}
