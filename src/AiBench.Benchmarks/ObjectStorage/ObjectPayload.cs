using System.Numerics;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// The bytes of every object, without storing them per object: one random (incompressible) buffer; object
/// <c>id</c>'s content is a slice of it, from an offset derived from the id, XORed with an 8-byte key derived
/// from the id. No two objects share a block (a deduplicating store gains nothing), a GET can be checked byte for
/// byte against what was written, and a PUT streams from the buffer without a copy per object.
/// </summary>
public sealed class ObjectPayload
{
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

    /// <summary>Writes bytes <paramref name="start"/>.. of object <paramref name="id"/> into <paramref name="destination"/>.</summary>
    public void Fill(long id, long start, Span<byte> destination)
    {
        ReadOnlySpan<byte> source = _data.AsSpan((int)(Offset(id) + start), destination.Length);
        int width = Vector<byte>.Count; // a multiple of 8, so every vector sees the key in the same phase
        Span<byte> pattern = stackalloc byte[width];
        ulong key = Key(id);
        for (int i = 0; i < width; i++)
        {
            pattern[i] = (byte)(key >> (int)((start + i) % 8 * 8));
        }

        var keyVector = new Vector<byte>(pattern);
        int at = 0;
        for (; at + width <= destination.Length; at += width)
        {
            (new Vector<byte>(source.Slice(at, width)) ^ keyVector).CopyTo(destination.Slice(at, width));
        }

        for (; at < destination.Length; at++)
        {
            destination[at] = (byte)(source[at] ^ pattern[at % width]);
        }
    }

    /// <summary>A copy of part of an object's content (for checks outside the hot path).</summary>
    public byte[] Content(long id, long start, long length)
    {
        byte[] bytes = new byte[checked((int)length)];
        Fill(id, start, bytes);
        return bytes;
    }

    /// <summary>A read-only, seekable stream over part of an object (the SDK signs the payload, so it must seek).</summary>
    public Stream Stream(long id, long start, long length, bool seekable = true) => new PayloadStream(this, id, start, length, seekable);

    private static long Offset(long id) => id % Offsets * Stride;

    /// <summary>SplitMix64 of the id: a different, well-mixed key per object.</summary>
    private static ulong Key(long id)
    {
        ulong z = unchecked((ulong)id + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
