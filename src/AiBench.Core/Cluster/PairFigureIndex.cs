using AiBench.Core.Results;

namespace AiBench.Core.Cluster;

/// <summary>
/// The <see cref="PairMetrics.Benchmark"/> figures of the pair phase's run by (from node, to node, metric). Where a
/// pair figure was measured at several sizes the best one speaks for the pair: the bandwidth plateau, the smallest
/// message's latency.
/// </summary>
internal sealed class PairFigureIndex
{
    private readonly Dictionary<(int From, int To, PairFigureKind Kind), PairFigureValue> _figures = [];
    private readonly Dictionary<PairFigureKind, string> _units = [];

    public static PairFigureIndex Of(Run? run, IReadOnlyDictionary<string, int> nodeIndex)
    {
        var index = new PairFigureIndex();
        foreach (Measurement m in run?.Measurements ?? [])
        {
            if (m.Benchmark != PairMetrics.Benchmark || KindOf(m.Metric) is not { } kind || double.IsNaN(m.Value)
                || !m.Labels.TryGetValue(PairMetrics.FromLabel, out string? from) || !nodeIndex.TryGetValue(from, out int f)
                || !m.Labels.TryGetValue(PairMetrics.ToLabel, out string? to) || !nodeIndex.TryGetValue(to, out int t))
            {
                continue;
            }

            var figure = new PairFigureValue(m.Value, m.Stats is { } s ? (s.CiUpper - s.CiLower) / 2 : double.NaN);
            var key = (f, t, kind);
            if (!index._figures.TryGetValue(key, out PairFigureValue seen)
                || (m.Better == Direction.Higher ? figure.Value > seen.Value : figure.Value < seen.Value))
            {
                index._figures[key] = figure;
            }

            index._units.TryAdd(kind, m.Unit);
        }

        return index;
    }

    /// <summary>Every pair of nodes with a figure, lower index first, in index order.</summary>
    public IEnumerable<NodePair> MeasuredPairs() =>
        _figures.Keys.Where(k => k.From != k.To).Select(k => NodePair.Of(k.From, k.To)).Distinct()
            .OrderBy(p => p.A).ThenBy(p => p.B);

    /// <summary>The unit the run gave the metric; the canonical one when it has none.</summary>
    public string UnitOf(PairFigureKind kind) => _units.TryGetValue(kind, out string? unit) ? unit : kind == PairFigureKind.Latency ? "s" : "B/s";

    public PairFigureValue? Get(int from, int to, PairFigureKind kind) => _figures.TryGetValue((from, to, kind), out PairFigureValue v) ? v : null;

    /// <summary>A symmetric figure, labelled in either order.</summary>
    public PairFigureValue? GetEither(int a, int b, PairFigureKind kind) => Get(a, b, kind) ?? Get(b, a, kind);

    private static PairFigureKind? KindOf(string metric) => metric switch
    {
        PairMetrics.Bandwidth => PairFigureKind.Bandwidth,
        PairMetrics.BidirectionalBandwidth => PairFigureKind.BidirectionalBandwidth,
        PairMetrics.Latency => PairFigureKind.Latency,
        _ => null,
    };
}

internal enum PairFigureKind
{
    Bandwidth,
    BidirectionalBandwidth,
    Latency,
}

/// <summary>A pair figure's median and the half-width of its confidence interval (NaN when unknown).</summary>
internal readonly record struct PairFigureValue(double Value, double HalfWidth);
