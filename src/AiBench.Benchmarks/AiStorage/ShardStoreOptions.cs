using AiBench.Benchmarks.ObjectStorage;
using AiBench.Core.Errors;
using AiBench.Core.Parameters;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>The parameters storage.checkpoint and storage.dataset share to pick and reach their store: a folder or S3.</summary>
internal static class ShardStoreOptions
{
    /// <param name="s3Where">where backend=s3 puts the objects, for the parameter's help.</param>
    public static ParameterDefinition[] Parameters(string what, string s3Where) =>
    [
        new("backend", ParameterKind.Choice, "file", $"where the {what} goes: file (a folder) or s3 (objects {s3Where}, storage.s3's connection parameters)")
        {
            AllowedValues = ["file", "s3"],
        },
        new("folder", ParameterKind.Text, "scratch", $"backend=file: folder the {what} goes to (local or shared); scratch = the run's scratch folder")
        {
            Words = ["scratch"],
        },
        new("cache", ParameterKind.Choice, "fadvise",
            "backend=file: how reads are kept from the page cache: fadvise (drop each file), drop-all (root: the whole cache), direct (O_DIRECT), none")
        {
            AllowedValues = CacheModes.Names,
        },
        .. S3Connection.Parameters(),
        new("part-size", ParameterKind.Size, "16MiB", "backend=s3: multipart part size; a smaller object is one PUT") { Unit = "B", Minimum = 5 << 20, Maximum = 5L << 30 },
        new("part-concurrency", ParameterKind.Integer, "4", "backend=s3: parts of one object in flight together") { Minimum = 1, Maximum = 256 },
        new("timeout", ParameterKind.Duration, "60s", "backend=s3: longest wait for one request") { Unit = "s", Minimum = 0.05, Maximum = 3600 },
    ];

    public static bool IsS3(BenchmarkCase c) => c.GetText("backend") == "s3";

    /// <summary>Bad input when a file backend is asked to drop the whole page cache by a process that may not.</summary>
    public static void CheckCache(BenchmarkCase c, CacheMode cache)
    {
        if (!IsS3(c) && cache == CacheMode.DropAll && PageCache.CannotDropAll() is { } why)
        {
            throw new BadInputException($"cache=drop-all: {why}; use cache=fadvise or cache=direct");
        }
    }

    /// <summary>A store under a fresh prefix (in a fresh bucket with bucket=auto), removed by its clean-up.</summary>
    public static S3ShardStore OpenS3(BenchmarkCase c, S3Connection connection, int workers, CancellationToken cancel) =>
        S3ShardStore.Open(connection, c.GetInt64("part-size"), c.GetInt32("part-concurrency"), workers, Timeout(c), cancel);

    /// <summary>A store under <paramref name="prefix"/> in the named bucket, kept across runs.</summary>
    public static S3ShardStore OpenKeptS3(BenchmarkCase c, S3Connection connection, string bucket, string prefix, int workers, CancellationToken cancel) =>
        S3ShardStore.OpenKept(connection, bucket, prefix, c.GetInt64("part-size"), c.GetInt32("part-concurrency"), workers, Timeout(c), cancel);

    private static TimeSpan Timeout(BenchmarkCase c) => TimeSpan.FromSeconds(c.GetDouble("timeout"));
}
