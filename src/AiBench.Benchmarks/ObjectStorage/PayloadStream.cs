namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>Part of an object's content as a read-only stream, generated as it is read.</summary>
internal sealed class PayloadStream(ObjectPayload payload, long id, long start, long length, bool seekable) : GeneratedStream(length, seekable)
{
    protected override void Generate(Span<byte> buffer, long position) => payload.Fill(id, start + position, buffer);
}
