namespace AiBench.Core.Cluster;

/// <summary>A pair's result with what attribution needs: node indices, which checks failed, whether it counts.</summary>
internal sealed record JudgedPair
{
    public required PairResult Result { get; init; }

    /// <summary>Index of <see cref="PairResult.A"/> in the cluster's nodes (-1: not a node of the cluster).</summary>
    public required int A { get; init; }

    public required int B { get; init; }

    /// <summary>
    /// Whether the pair speaks about its nodes: measured, or refused with an error of its own. Pairs never reached
    /// (the phase stopped early) or touching a node that did not answer say nothing about the network.
    /// </summary>
    public bool Counted { get; init; }

    public bool BandwidthFailed { get; init; }

    public bool LineRateFailed { get; init; }

    public bool LatencyFailed { get; init; }

    /// <summary>Latency over the fleet's, when measured.</summary>
    public double? LatencyRatio { get; init; }

    public bool Bad => Counted && Result.Verdict is Results.VerdictStatus.Fail or Results.VerdictStatus.Error;
}
