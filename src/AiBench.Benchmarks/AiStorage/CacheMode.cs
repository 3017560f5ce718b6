namespace AiBench.Benchmarks.AiStorage;

/// <summary>How a read-back is kept from being answered by the page cache.</summary>
internal enum CacheMode
{
    /// <summary>Each file's pages dropped with posix_fadvise(DONTNEED) after its fsync (any user, any local file system).</summary>
    Fadvise,

    /// <summary>The whole machine's clean cache dropped through /proc/sys/vm/drop_caches (root; MLPerf Storage's way).</summary>
    DropAll,

    /// <summary>O_DIRECT reads and writes: the cache is never filled.</summary>
    Direct,

    /// <summary>Nothing done: figures can measure memory, and are marked invalid where the data could fit in it.</summary>
    None,
}

internal static class CacheModes
{
    public static readonly string[] Names = ["fadvise", "drop-all", "direct", "none"];

    public static CacheMode Parse(string text) => text switch
    {
        "fadvise" => CacheMode.Fadvise,
        "drop-all" => CacheMode.DropAll,
        "direct" => CacheMode.Direct,
        "none" => CacheMode.None,
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, "not a cache mode"),
    };

    public static string Name(this CacheMode mode) => Names[(int)mode];
}
