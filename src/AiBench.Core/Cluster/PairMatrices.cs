namespace AiBench.Core.Cluster;

/// <summary>
/// The pair results as one matrix per metric, nodes in input order: bandwidth by direction ([from][to]),
/// bidirectional bandwidth and latency mirrored (both cells hold the pair's figure). None beyond
/// <see cref="PairMatrix.MaxNodes"/> nodes, and none for a metric no pair has.
/// </summary>
internal static class PairMatrices
{
    public static IReadOnlyList<PairMatrix> Build(IReadOnlyList<string> names, List<JudgedPair> pairs, PairFigureIndex figures)
    {
        int n = names.Count;
        if (n > PairMatrix.MaxNodes || pairs.Count == 0)
        {
            return [];
        }

        var matrices = new List<PairMatrix>(3);
        Add(PairMetrics.Bandwidth, PairFigureKind.Bandwidth, r => (r.BandwidthAToB, r.BandwidthBToA));
        Add(PairMetrics.BidirectionalBandwidth, PairFigureKind.BidirectionalBandwidth, r => (r.BidirectionalBandwidth, r.BidirectionalBandwidth));
        Add(PairMetrics.Latency, PairFigureKind.Latency, r => (r.Latency, r.Latency));
        return matrices;

        void Add(string metric, PairFigureKind kind, Func<PairResult, (double? AToB, double? BToA)> figure)
        {
            double?[][]? values = null;
            foreach (JudgedPair p in pairs)
            {
                (double? ab, double? ba) = figure(p.Result);
                if (p.A < 0 || p.B < 0 || (ab is null && ba is null))
                {
                    continue;
                }

                values ??= Enumerable.Range(0, n).Select(_ => new double?[n]).ToArray();
                values[p.A][p.B] = ab;
                values[p.B][p.A] = ba;
            }

            if (values is not null)
            {
                matrices.Add(new PairMatrix { Metric = metric, Unit = figures.UnitOf(kind), Nodes = names, Values = values });
            }
        }
    }
}
