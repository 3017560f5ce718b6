namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// The objects a reading load works on. GETs of a set that a server's page cache holds measure the server's memory,
/// not its drives; warp's get and mixed read 2500 objects of 10 MiB by default (<c>cli/get.go</c>, <c>cli/mixed.go</c>),
/// so by default a load that reads writes that much, and a smaller set is said in the progress and the figures' info.
/// </summary>
public static class S3WorkingSet
{
    /// <summary>warp's default object count for get, mixed and its other reading loads.</summary>
    public const int WarpObjects = 2500;

    /// <summary>warp's default working set for get and mixed: 2500 objects of 10 MiB (24.4 GiB).</summary>
    public const long WarpBytes = WarpObjects * (10L << 20);

    /// <summary>
    /// At most this many objects by default (10 × warp's count): objects small enough to need more fall short of
    /// warp's working set and are warned about, rather than a prefill of hundreds of thousands of PUTs.
    /// </summary>
    public const long MostDefaultObjects = 10 * WarpObjects;

    /// <summary>
    /// Objects written before the load: for one that reads objects (get, mixed), as many as warp's working set needs
    /// (at most <see cref="MostDefaultObjects"/>); for list and delete, 1000; for the others (head), warp's 2500 but no
    /// more than 1 GiB in all, since they read no body and bytes only cost prefill time. Always at least 16 and two per worker.
    /// </summary>
    public static long DefaultObjects(OperationMix mix, long objectSize, int concurrency)
    {
        long floor = Math.Max(16, 2L * concurrency);
        if (mix.Weights.Count == 1 && mix.Operations.First() is S3Operation.List or S3Operation.Delete)
        {
            return Math.Max(floor, 1000);
        }

        if (!ReadsObjects(mix))
        {
            return Math.Max(floor, Math.Min(WarpObjects, ((1L << 30) + objectSize - 1) / objectSize));
        }

        return Math.Max(floor, Math.Min(MostDefaultObjects, (WarpBytes + objectSize - 1) / objectSize));
    }

    /// <summary>Whether the load reads object bodies, which a server's page cache could serve.</summary>
    public static bool ReadsObjects(OperationMix mix) => mix.Operations.Any(o => o.ReadsBodies());

    /// <summary>The bytes of the first <paramref name="objects"/> objects the prefill writes (ids 0, 1, ...).</summary>
    public static long Bytes(S3Workload workload, long objects)
    {
        if (!workload.RandomSizes)
        {
            return objects * workload.ObjectSize;
        }

        long bytes = 0;
        for (long id = 0; id < objects; id++)
        {
            bytes += workload.SizeOf(id);
        }

        return bytes;
    }

    /// <summary>Null when the load reads nothing or reads at least warp's working set; else why its figures may be the cache's.</summary>
    public static string? CacheWarning(OperationMix mix, long objects, long bytes)
    {
        if (!ReadsObjects(mix) || bytes >= WarpBytes)
        {
            return null;
        }

        return $"the {objects} objects read hold {Binary(bytes)}, less than warp's default working set "
            + $"({WarpObjects} x 10 MiB = {Binary(WarpBytes)}): a server's page cache may hold them all, and GETs then measure "
            + "its memory rather than its drives; more objects (objects=) or larger ones (size=) avoid it";
    }

    private static string Binary(long bytes) => bytes >= 1L << 30
        ? FormattableString.Invariant($"{bytes / (double)(1L << 30):0.#} GiB")
        : FormattableString.Invariant($"{bytes / (double)(1L << 20):0.#} MiB");
}
