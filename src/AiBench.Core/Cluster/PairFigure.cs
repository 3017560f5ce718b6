namespace AiBench.Core.Cluster;

/// <summary>
/// The pair figures, as metrics of the <c>net.pair</c> measurements in <c>pairs/run.json</c>. Every pair figure is
/// labelled <c>from</c> and <c>to</c> (node names); for the symmetric ones (<see cref="BidirectionalBandwidth"/>,
/// <see cref="Latency"/>) <c>from</c> is the node of lower rank.
/// </summary>
public static class PairMetrics
{
    public const string Benchmark = "net.pair";

    /// <summary>Bytes per second from <c>from</c> to <c>to</c> while nothing flows back (osu_bw's method).</summary>
    public const string Bandwidth = "bandwidth";

    /// <summary>Bytes per second of both directions together while both send at once (osu_bibw's method).</summary>
    public const string BidirectionalBandwidth = "bidir_bandwidth";

    /// <summary>Half the round trip of a small message, in seconds (osu_latency's method).</summary>
    public const string Latency = "latency";

    public const string FromLabel = "from";

    public const string ToLabel = "to";
}
