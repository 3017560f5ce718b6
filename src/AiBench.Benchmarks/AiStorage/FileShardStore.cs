using AiBench.Benchmarks.Collectives;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>Shards as files in a folder: written through the page cache (or O_DIRECT), fsync'ed, the cache emptied as asked.</summary>
internal sealed class FileShardStore(string folder, CacheMode cache, IRankGroup group, string fileSystem) : IShardStore
{
    private bool Direct => cache == CacheMode.Direct;

    public string Description => $"file system {fileSystem}";

    public bool ControlsCache => true;

    public string Path(string name) => System.IO.Path.Combine(folder, name);

    public ShardTiming Write(string name, long bytes, ShardPattern pattern, AlignedBuffer buffer, Action created, CancellationToken cancel) =>
        ShardFile.Write(Path(name), bytes, pattern, buffer, Direct, created, cancel);

    public ShardTiming Read(string name, ShardPattern pattern, AlignedBuffer buffer, bool verify, CancellationToken cancel, Action<long>? request = null) =>
        ShardFile.Read(Path(name), pattern, buffer, verify, Direct, cancel, request);

    public long EmptyCache(IReadOnlyList<string> names) => CacheEmptying.Empty(cache, names.Select(Path).ToList(), group);

    public void Delete(string name) => WorkFolder.TryDelete(Path(name));

    public void Dispose()
    {
    }
}
