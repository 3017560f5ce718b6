namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// A stream read from start to end through a view that says it cannot seek (its length stays known). An upload
/// part's body must seek while the SDK prepares the request (it wraps it in a PartialWrapperStream); seen through this
/// view by the signer it is sent UNSIGNED-PAYLOAD like a PUT's body (<see cref="UnsignedPayloadHandler"/>).
/// Disposing the view disposes the stream it shows.
/// </summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException("a forward-only view does not seek");
    }

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("a forward-only view does not seek");

    public override void SetLength(long value) => throw new NotSupportedException("a forward-only view is read-only");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("a forward-only view is read-only");

    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
