namespace AiBench.Core.Cluster;

/// <summary>One node pair's figures (medians) and its verdict. Node names are ordered by rank: <see cref="A"/> first.</summary>
public sealed record PairResult
{
    public required string A { get; init; }

    public required string B { get; init; }

    /// <summary>The round of the tournament it ran in (0-based).</summary>
    public int Round { get; init; }

    /// <summary>B/s from A to B, alone; null when not measured.</summary>
    public double? BandwidthAToB { get; init; }

    public double? BandwidthBToA { get; init; }

    /// <summary>B/s of both directions at once, summed.</summary>
    public double? BidirectionalBandwidth { get; init; }

    /// <summary>Half round trip of a small message (s).</summary>
    public double? Latency { get; init; }

    /// <summary>The slower direction's bandwidth over the median of the fleet of pairs.</summary>
    public double? RatioToFleet { get; init; }

    /// <summary>The slower direction's bandwidth over the line rate, when one is known.</summary>
    public double? RatioToLineRate { get; init; }

    public required Results.VerdictStatus Verdict { get; init; }

    /// <summary>Why the pair failed or could not be measured; empty when it passed.</summary>
    public string? Reason { get; init; }
}
