using AiBench.Benchmarks.ObjectStorage;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>A stretch of a shard's content as a read-only stream generated as it is read (an upload's body).</summary>
internal sealed class ShardPatternStream(ShardPattern pattern, long start, long length, bool seekable)
    : GeneratedStream(length, seekable)
{
    protected override void Generate(Span<byte> buffer, long position) => pattern.FillAnywhere(buffer, start + position);
}
