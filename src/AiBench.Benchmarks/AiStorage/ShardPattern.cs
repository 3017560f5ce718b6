using System.Buffers.Binary;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// The bytes of one shard: a random block (incompressible) repeated, with every 4 KiB chunk stamped in its first 16
/// bytes with the shard's id and the chunk's offset, so no two chunks are alike (no deduplication) and a read-back can
/// tell a wrong, stale or misplaced chunk from a right one. Generated once per shard; stamping costs 16 bytes per 4 KiB.
/// </summary>
internal sealed class ShardPattern
{
    public const int ChunkBytes = 4096;
    private const int StampBytes = 16;
    private readonly byte[] _block;

    public ShardPattern(long shardId, int blockBytes, int seed)
    {
        ShardId = shardId;
        _block = new byte[blockBytes];
        new Random(HashCode.Combine(seed, shardId)).NextBytes(_block);
    }

    public long ShardId { get; }

    /// <summary>Fills <paramref name="buffer"/> with the content at <paramref name="offset"/> (a multiple of 4 KiB).</summary>
    public void Fill(Span<byte> buffer, long offset)
    {
        _block.AsSpan(0, buffer.Length).CopyTo(buffer);
        Stamp(buffer, offset);
    }

    /// <summary>Re-stamps a buffer already holding this shard's block for the chunk offsets at <paramref name="offset"/>.</summary>
    public void Stamp(Span<byte> buffer, long offset)
    {
        for (int at = 0; at + StampBytes <= buffer.Length; at += ChunkBytes)
        {
            BinaryPrimitives.WriteInt64LittleEndian(buffer[at..], ShardId);
            BinaryPrimitives.WriteInt64LittleEndian(buffer[(at + 8)..], offset + at);
        }
    }

    /// <summary>
    /// The number of 4 KiB chunks of <paramref name="read"/> that differ from the content at <paramref name="offset"/>,
    /// compared in place (stamp, then the rest against the block): one pass over the bytes read, no second buffer.
    /// <paramref name="offset"/> is where a request of the block's length starts (a multiple of it).
    /// </summary>
    public int WrongChunks(ReadOnlySpan<byte> read, long offset)
    {
        int wrong = 0;
        ReadOnlySpan<byte> block = _block;
        for (int at = 0; at < read.Length; at += ChunkBytes)
        {
            int length = Math.Min(ChunkBytes, read.Length - at);
            ReadOnlySpan<byte> chunk = read.Slice(at, length);
            bool right = length < StampBytes
                ? chunk.SequenceEqual(block.Slice(at, length))
                : BinaryPrimitives.ReadInt64LittleEndian(chunk) == ShardId
                    && BinaryPrimitives.ReadInt64LittleEndian(chunk[8..]) == offset + at
                    && chunk[StampBytes..].SequenceEqual(block.Slice(at + StampBytes, length - StampBytes));
            if (!right)
            {
                wrong++;
            }
        }

        return wrong;
    }

    public static long Chunks(long bytes) => (bytes + ChunkBytes - 1) / ChunkBytes;
}
