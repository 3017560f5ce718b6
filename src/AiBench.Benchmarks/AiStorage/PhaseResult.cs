namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// One phase (write or restore) of one checkpoint over every rank: total bytes over the wall time from the first open to
/// the last close (MLPerf Storage's duration is the slowest rank's), and the slowest writer or reader by its own rate.
/// </summary>
internal sealed record PhaseResult(long Bytes, double Seconds, double SlowestShardRate, double MedianShardRate, string SlowestShard)
{
    public double BytesPerSecond => Seconds > 0 ? Bytes / Seconds : 0;

    /// <summary>The slowest shard's rate over the median shard's: 1 when every writer kept pace.</summary>
    public double Spread => MedianShardRate > 0 ? SlowestShardRate / MedianShardRate : 0;
}
