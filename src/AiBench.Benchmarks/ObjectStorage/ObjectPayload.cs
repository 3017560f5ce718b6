namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// The bytes of every object, without storing them per object: one random (incompressible) buffer, and object
/// <c>id</c>'s content is the slice starting at an offset derived from the id. Objects therefore differ, a
/// GET can be checked byte for byte against what was written, and a PUT streams straight from the buffer.
/// </summary>
public sealed class ObjectPayload
{
    /// <summary>Distinct starting offsets: objects with ids that differ modulo this have different content.</summary>
    private const int Offsets = 1021;

    private const int Stride = 64;

    private readonly byte[] _data;

    public ObjectPayload(long largestObject, int seed)
    {
        if (largestObject > Array.MaxLength - (long)Offsets * Stride)
        {
            throw new ArgumentOutOfRangeException(nameof(largestObject), "objects above 2 GiB are not supported");
        }

        _data = new byte[largestObject + (long)Offsets * Stride];
        new Random(seed).NextBytes(_data);
        Largest = largestObject;
    }

    public long Largest { get; }

    /// <summary>The content of object <paramref name="id"/> from <paramref name="start"/>, <paramref name="length"/> bytes.</summary>
    public ReadOnlyMemory<byte> Slice(long id, long start, long length) =>
        _data.AsMemory((int)(Offset(id) + start), checked((int)length));

    /// <summary>A read-only, seekable stream over a slice (the SDK signs the payload, so it must seek).</summary>
    public MemoryStream Stream(long id, long start, long length) =>
        new(_data, (int)(Offset(id) + start), checked((int)length), writable: false);

    private static long Offset(long id) => id % Offsets * Stride;
}
