namespace AiBench.Benchmarks.AiStorage;

/// <summary>A stretch of a shard's content as a read-only, seekable stream generated as it is read (an upload's body).</summary>
internal sealed class ShardPatternStream(ShardPattern pattern, long start, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 && value <= length ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(Span<byte> buffer)
    {
        // Whole 4 KiB chunks from a chunk boundary, so the pattern's stamps land where a reader looks for them.
        long offset = start + _position;
        int n = (int)Math.Min(buffer.Length, length - _position);
        if (offset % ShardPattern.ChunkBytes != 0 || n <= 0)
        {
            return n <= 0 ? 0 : ReadUnaligned(buffer[..n], offset);
        }

        pattern.Fill(buffer[..n], offset);
        _position += n;
        return n;
    }

    /// <summary>A read starting inside a chunk (the SDK may read in any sizes): fill from the chunk's start, copy the rest.</summary>
    private int ReadUnaligned(Span<byte> buffer, long offset)
    {
        long chunkStart = offset / ShardPattern.ChunkBytes * ShardPattern.ChunkBytes;
        int skip = (int)(offset - chunkStart);
        Span<byte> chunk = stackalloc byte[ShardPattern.ChunkBytes];
        pattern.Fill(chunk, chunkStart);
        int n = Math.Min(buffer.Length, ShardPattern.ChunkBytes - skip);
        chunk.Slice(skip, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
