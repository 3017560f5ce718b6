using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// The bytes of one file (a checkpoint shard, a dataset file): a random 1 MiB block (incompressible; one per checkpoint
/// or dataset, shared by its files, see <see cref="PatternBlock"/>) repeated, with every
/// 4 KiB chunk stamped in its first 16 bytes with the file's id and the chunk's offset, so no two chunks are alike (no
/// deduplication) and a read-back tells a wrong, stale or misplaced chunk from a right one. The content at an offset does
/// not depend on the request size that wrote it, so a dataset written once can be read with any aligned request size.
/// </summary>
internal sealed class ShardPattern
{
    public const int ChunkBytes = 4096;
    public const int PatternBytes = 1 << 20;
    private const int StampBytes = 16;
    private readonly byte[] _block;

    public ShardPattern(long id, PatternBlock block)
    {
        Id = id;
        _block = block.Bytes;
    }

    /// <summary>A pattern with a block of its own (tests; a benchmark shares one block over its files).</summary>
    public ShardPattern(long id, int seed) : this(id, new PatternBlock(HashCode.Combine(seed, id)))
    {
    }

    public long Id { get; }

    /// <summary>Fills <paramref name="buffer"/> with the content at <paramref name="offset"/> (a multiple of 4 KiB).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs inside timed reads and writes: no tier-up JIT there
    public void Fill(Span<byte> buffer, long offset)
    {
        for (int at = 0; at < buffer.Length; at += ChunkBytes)
        {
            int length = Math.Min(ChunkBytes, buffer.Length - at);
            _block.AsSpan(BlockOffset(offset + at), length).CopyTo(buffer.Slice(at, length));
        }

        Stamp(buffer, offset);
    }

    /// <summary>Fills <paramref name="buffer"/> with the content at any <paramref name="offset"/> (a stream read in any sizes).</summary>
    public void FillAnywhere(Span<byte> buffer, long offset)
    {
        int skip = (int)(offset % ChunkBytes);
        if (skip == 0)
        {
            Fill(buffer, offset);
            return;
        }

        // The first, partial chunk from a whole one; the rest from the next chunk boundary.
        Span<byte> chunk = stackalloc byte[ChunkBytes];
        Fill(chunk, offset - skip);
        int head = Math.Min(buffer.Length, ChunkBytes - skip);
        chunk.Slice(skip, head).CopyTo(buffer);
        if (buffer.Length > head)
        {
            Fill(buffer[head..], offset + head);
        }
    }

    /// <summary>
    /// Re-stamps a buffer that already holds the content at another offset a whole number of 1 MiB blocks away: all a
    /// writer with requests of whole blocks does per request, instead of copying the block again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs inside timed reads and writes: no tier-up JIT there
    public void Stamp(Span<byte> buffer, long offset)
    {
        Span<byte> stamp = stackalloc byte[StampBytes];
        for (int at = 0; at < buffer.Length; at += ChunkBytes)
        {
            if (at + StampBytes <= buffer.Length)
            {
                BinaryPrimitives.WriteInt64LittleEndian(buffer[at..], Id);
                BinaryPrimitives.WriteInt64LittleEndian(buffer[(at + 8)..], offset + at);
                continue;
            }

            // A buffer ending inside the stamp (a stream read in odd sizes): the stamp's first bytes only.
            BinaryPrimitives.WriteInt64LittleEndian(stamp, Id);
            BinaryPrimitives.WriteInt64LittleEndian(stamp[8..], offset + at);
            stamp[..(buffer.Length - at)].CopyTo(buffer[at..]);
        }
    }

    /// <summary>
    /// The number of 4 KiB chunks of <paramref name="read"/> (read at <paramref name="offset"/>, a multiple of 4 KiB) that
    /// differ from the content there, compared in place: one pass over the bytes read, no second buffer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs inside timed reads and writes: no tier-up JIT there
    public int WrongChunks(ReadOnlySpan<byte> read, long offset)
    {
        int wrong = 0;
        ReadOnlySpan<byte> block = _block;
        Span<byte> partial = stackalloc byte[StampBytes];
        for (int at = 0; at < read.Length; at += ChunkBytes)
        {
            int length = Math.Min(ChunkBytes, read.Length - at);
            ReadOnlySpan<byte> chunk = read.Slice(at, length);
            ReadOnlySpan<byte> want = block.Slice(BlockOffset(offset + at), length);
            bool right = length < StampBytes
                ? chunk.SequenceEqual(Expected(offset + at, partial)[..length])
                : BinaryPrimitives.ReadInt64LittleEndian(chunk) == Id
                    && BinaryPrimitives.ReadInt64LittleEndian(chunk[8..]) == offset + at
                    && chunk[StampBytes..].SequenceEqual(want[StampBytes..]);
            if (!right)
            {
                wrong++;
            }
        }

        return wrong;
    }

    private Span<byte> Expected(long offset, Span<byte> into)
    {
        Fill(into, offset);
        return into;
    }

    public static long Chunks(long bytes) => (bytes + ChunkBytes - 1) / ChunkBytes;

    private static int BlockOffset(long offset) => (int)(offset % PatternBytes);
}
