using System.Diagnostics;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// One writer's or reader's span on the monotonic clock, from its file's open to its last fsync and close, and the 4 KiB
/// chunks it found wrong when reading back.
/// </summary>
internal readonly record struct ShardTiming(long StartTicks, long EndTicks, long Bytes, long WrongChunks = 0)
{
    public double Seconds => Stopwatch.GetElapsedTime(StartTicks, EndTicks).TotalSeconds;

    public double BytesPerSecond => Seconds > 0 ? Bytes / Seconds : 0;
}
