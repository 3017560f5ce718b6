namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// Where checkpoint shards and dataset files live, by name: a folder (files) or an S3 prefix (objects). Every call is
/// made from a worker thread and blocks; times are the store's own (open to close, first request to last byte).
/// </summary>
internal interface IShardStore : IDisposable
{
    /// <summary>What the figures' info says of the store: "file system ext4", "S3 http://127.0.0.1:17480".</summary>
    string Description { get; }

    /// <summary>Whether the client can empty a cache between writing and reading (a server's cache it cannot).</summary>
    bool ControlsCache { get; }

    /// <summary>Writes <paramref name="bytes"/> of the pattern as a new shard (never over an existing one).</summary>
    ShardTiming Write(string name, long bytes, ShardPattern pattern, AlignedBuffer buffer, Action created, CancellationToken cancel);

    /// <summary>Reads the whole shard, verifying it when asked; <paramref name="request"/> hears each read's time in ticks.</summary>
    ShardTiming Read(string name, ShardPattern pattern, AlignedBuffer buffer, bool verify, CancellationToken cancel, Action<long>? request = null);

    /// <summary>Empties the cache of these shards as the store can, then says how many of their bytes it still holds.</summary>
    long EmptyCache(IReadOnlyList<string> names);

    void Delete(string name);
}
