namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>What the requests of one case look like (from the parameters), shared by every worker.</summary>
public sealed record S3Workload
{
    /// <summary>Object size, or the largest size when sizes are drawn.</summary>
    public required long ObjectSize { get; init; }

    /// <summary>Sizes drawn per object, log2-uniform between ObjectSize/1024 and ObjectSize (warp's obj.randsize).</summary>
    public bool RandomSizes { get; init; }

    /// <summary>Bytes per ranged GET; null = whole objects.</summary>
    public long? RangeBytes { get; init; }

    public long PartSize { get; init; } = 8 << 20;

    public int PartConcurrency { get; init; } = 4;

    /// <summary>The longest one HTTP request may take, its body included (each part of a multipart upload on its own).</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>
    /// Send PUT and part bodies unsigned (UNSIGNED-PAYLOAD, over HTTP too; <see cref="UnsignedPayloadHandler"/>)
    /// instead of hashing every byte with SHA-256 inside the timed request (parameter payload-signing).
    /// </summary>
    public bool UnsignedPayload { get; init; }

    /// <summary>The size of object <paramref name="id"/>: fixed, or drawn deterministically from its id.</summary>
    public long SizeOf(long id)
    {
        if (!RandomSizes || ObjectSize < 2)
        {
            return ObjectSize;
        }

        double smallest = Math.Max(1, ObjectSize / 1024.0);
        double u = new Random(unchecked((int)(id * 2654435761L))).NextDouble();
        return Math.Clamp((long)Math.Round(smallest * Math.Pow(ObjectSize / smallest, u)), 1, ObjectSize);
    }
}
