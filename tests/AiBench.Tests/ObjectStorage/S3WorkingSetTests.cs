using AiBench.Benchmarks.ObjectStorage;
using Xunit;

namespace AiBench.Tests.ObjectStorage;

/// <summary>By default a reading load works on warp's working set (2500 x 10 MiB), and says when it works on less.</summary>
public class S3WorkingSetTests
{
    private static readonly OperationMix Get = OperationMix.Single(S3Operation.Get);

    [Theory]
    [InlineData(16L << 20, 8, 1563)]   // 24.4 GiB of 16 MiB objects
    [InlineData(10L << 20, 8, 2500)]   // warp's own default
    [InlineData(64L << 20, 8, 391)]
    [InlineData(1L << 30, 8, 25)]      // 1 GiB objects: 24.4 rounded up
    [InlineData(1L << 20, 16, 25_000)] // small objects: at most ten times warp's count
    [InlineData(1024, 16, 25_000)]
    [InlineData(1L << 30, 64, 128)]    // two per worker
    public void A_load_that_reads_writes_warps_working_set(long size, int concurrency, long objects)
    {
        Assert.Equal(objects, S3WorkingSet.DefaultObjects(Get, size, concurrency));
        Assert.Equal(objects, S3WorkingSet.DefaultObjects(OperationMix.Parse(OperationMix.WarpDefault), size, concurrency));
    }

    [Fact]
    public void Loads_that_read_no_body_keep_their_counts()
    {
        Assert.Equal(2500, S3WorkingSet.DefaultObjects(OperationMix.Single(S3Operation.Head), 1024, 8));
        Assert.Equal(16, S3WorkingSet.DefaultObjects(OperationMix.Single(S3Operation.Head), 64L << 20, 8));
        Assert.Equal(1000, S3WorkingSet.DefaultObjects(OperationMix.Single(S3Operation.List), 1024, 8));
        Assert.Equal(1000, S3WorkingSet.DefaultObjects(OperationMix.Single(S3Operation.Delete), 1024, 8));
    }

    [Fact]
    public void A_working_set_below_warps_is_said_to_fit_a_servers_cache()
    {
        var workload = new S3Workload { ObjectSize = 256 << 10, Timeout = TimeSpan.FromSeconds(1) };
        long bytes = S3WorkingSet.Bytes(workload, 16);
        Assert.Equal(16L * (256 << 10), bytes);
        string warning = Assert.IsType<string>(S3WorkingSet.CacheWarning(Get, 16, bytes));
        Assert.Contains("the 16 objects read hold 4 MiB, less than warp's default working set (2500 x 10 MiB = 24.4 GiB)", warning, StringComparison.Ordinal);
        Assert.Contains("page cache", warning, StringComparison.Ordinal);

        Assert.Null(S3WorkingSet.CacheWarning(Get, 2500, S3WorkingSet.WarpBytes));
        Assert.Null(S3WorkingSet.CacheWarning(OperationMix.Single(S3Operation.Head), 16, bytes));
        Assert.Null(S3WorkingSet.CacheWarning(OperationMix.Single(S3Operation.Put), 16, bytes));
        Assert.NotNull(S3WorkingSet.CacheWarning(OperationMix.Parse(OperationMix.WarpDefault), 16, bytes));
    }

    [Fact]
    public void Drawn_sizes_count_as_drawn()
    {
        var workload = new S3Workload { ObjectSize = 1 << 20, RandomSizes = true, Timeout = TimeSpan.FromSeconds(1) };
        Assert.Equal(Enumerable.Range(0, 100).Sum(id => workload.SizeOf(id)), S3WorkingSet.Bytes(workload, 100));
        Assert.True(S3WorkingSet.Bytes(workload, 100) < 100L << 20);
    }
}
