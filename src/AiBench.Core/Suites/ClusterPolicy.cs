namespace AiBench.Core.Suites;

/// <summary>
/// The <c>cluster:</c> section of a suite: the suite is then run as a cluster (node checks on every node, pairs,
/// collectives, one verdict) rather than on one machine. Each field can be overridden with
/// <c>--set cluster.&lt;field&gt;=value</c>.
/// </summary>
public sealed record ClusterPolicy
{
    /// <summary>How long rank 0 waits for every node's node-suite results.</summary>
    public TimeSpan NodeTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A rank not heard from (no heartbeat) for this long is hung or dead: its node is named and the run ends.</summary>
    public TimeSpan Silence { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Robust z beyond which a worse-than-fleet figure is an outlier.</summary>
    public double FleetZ { get; init; } = 3.5;

    /// <summary>An outlier must also be at least this much worse than the fleet median.</summary>
    public double FleetMinDeviation { get; init; } = 0.10;

    /// <summary>A pair whose slower direction is below this fraction of the median pair fails.</summary>
    public double PairMinRatio { get; init; } = 0.75;

    /// <summary>A pair whose slower direction is below this fraction of the line rate fails (when the line rate is known).</summary>
    public double? PairMinLineRate { get; init; }

    /// <summary>A pair whose latency is at least this multiple of the typical pair's (and beyond the z threshold) fails.</summary>
    public double PairMaxLatencyRatio { get; init; } = 2.0;

    /// <summary>Figures shown against the fleet but not judged by it (<c>benchmark/metric</c> prefixes).</summary>
    public IReadOnlyList<string> FleetIgnore { get; init; } = [];

    /// <summary>The field names as written in YAML and in <c>--set cluster.&lt;name&gt;</c>.</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
        ["node_timeout", "silence", "fleet_z", "fleet_min_deviation", "pair_min_ratio", "pair_min_line_rate", "pair_max_latency_ratio", "fleet_ignore"];
}
