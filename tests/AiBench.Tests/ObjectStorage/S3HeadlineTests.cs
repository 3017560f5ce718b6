using System.Diagnostics;
using System.Globalization;
using AiBench.Benchmarks.ObjectStorage;
using AiBench.Core.Benchmarks;
using AiBench.Core.Results;
using Xunit;

namespace AiBench.Tests.ObjectStorage;

/// <summary>
/// storage.s3's headline is warp's Average (everything in the window over its length, pkg/aggregate's Throughput),
/// not its median segment: pinned with segments where the two differ.
/// </summary>
public class S3HeadlineTests
{
    private static readonly long F = Stopwatch.Frequency;

    private static readonly BenchmarkContext Context = new()
    {
        Case = Assert.Single(new StorageS3Benchmark().Parameters.Expand(new Dictionary<string, string> { ["op"] = "get" })),
        Policy = AiBench.Core.Measuring.MeasurementPolicy.Quick,
        System = AiBench.Core.Hosts.SystemInfoCollector.Collect(),
    };

    [Fact]
    public void A_stall_lowers_the_headline_which_the_median_segment_hides()
    {
        // Four 1 s segments: three move 1000 bytes in one request each, the last nothing (the server stalled).
        List<Measurement> figures = Build(Get(0, 1, 1000), Get(1, 2, 1000), Get(2, 3, 1000));
        Measurement throughput = figures.Single(m => m.Metric == "throughput");
        Assert.Equal([750.0], throughput.Samples); // 3000 bytes / 4 s
        Assert.Equal(750, throughput.Value, 9);
        Assert.Equal(1000, Info(throughput, "medianSegment"), 9);
        Assert.Equal(1000, Info(throughput, "fastestSegment"), 9);
        Assert.Equal(0, Info(throughput, "slowestSegment"), 9);
        Assert.Equal(4, Info(throughput, "segments"));

        Measurement ops = figures.Single(m => m.Metric == "ops");
        Assert.Equal([0.75], ops.Samples);
        Assert.Equal(1, Info(ops, "medianSegment"), 9);

        Measurement perSegment = figures.Single(m => m.Metric == S3Measurements.SegmentThroughputMetric);
        Assert.Equal([1000.0, 1000, 1000, 0], perSegment.Samples.Select(v => Math.Round(v, 6)));
        Assert.Equal(1, Info(perSegment, InfoKeys.SampleIntervalSeconds), 9);
    }

    [Fact]
    public void A_burst_counts_in_the_headline_for_all_it_moved_and_requests_split_across_edges_count_their_share()
    {
        // 100 bytes a second, and one 4000-byte request from 2.5 s to 3.5 s: half of it in segment 2, half in 3.
        List<Measurement> figures = Build(Get(0, 1, 100), Get(1, 2, 100), Get(2, 3, 100), Get(3, 4, 100), Get(2.5, 3.5, 4000));
        Measurement throughput = figures.Single(m => m.Metric == "throughput");
        Assert.Equal(4400 / 4.0, throughput.Value, 9);
        Assert.Equal([100.0, 100, 2100, 2100], figures.Single(m => m.Metric == S3Measurements.SegmentThroughputMetric).Samples.Select(v => Math.Round(v, 6)));
        Assert.Equal(2100, Info(throughput, "medianSegment"), 9); // warp's 50% median of 4: the 3rd slowest

        // A request that runs past the end of the window counts for its part inside it.
        Measurement clipped = Build(Get(0, 4, 400), Get(3, 5, 200)).Single(m => m.Metric == "throughput");
        Assert.Equal((400 + 100) / 4.0, clipped.Value, 9);
    }

    [Fact]
    public void Operations_that_move_no_data_have_ops_per_segment_as_their_timeline()
    {
        var records = new List<RequestRecord>
        {
            new(S3Operation.Head, 0, F / 2, 0, 0, RequestError.None),
            new(S3Operation.Head, F, 2 * F, 0, 0, RequestError.None),
            new(S3Operation.Head, 2 * F, 3 * F, 0, 0, RequestError.None),
        };
        List<Measurement> figures = S3Measurements.Build("storage.s3", Context, new S3LoadResult(records, 0, 4 * F, S3StopReason.Duration, null),
            [S3Operation.Head], TimeSpan.FromSeconds(1), new Dictionary<string, string>());
        Assert.DoesNotContain(figures, m => m.Metric is "throughput" or "segment-throughput");
        Assert.Equal([0.75], figures.Single(m => m.Metric == "ops").Samples);
        Assert.Equal([1.0, 1, 1, 0], figures.Single(m => m.Metric == S3Measurements.SegmentOpsMetric).Samples.Select(v => Math.Round(v, 6)));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(6, 3)]
    public void The_median_segment_is_warps_the_one_at_half_the_count_rounded_half_up(int count, int index)
    {
        double[] sorted = Enumerable.Range(0, count).Select(i => (double)i).ToArray();
        Assert.Equal(index, SegmentAnalysis.WarpMedian(sorted));
    }

    private static RequestRecord Get(double start, double end, long bytes) =>
        new(S3Operation.Get, (long)(start * F), (long)(end * F), (long)(start * F) + 1, bytes, RequestError.None);

    /// <summary>The figures of GETs in a 4 s window cut into 1 s segments.</summary>
    private static List<Measurement> Build(params RequestRecord[] records) =>
        S3Measurements.Build("storage.s3", Context, new S3LoadResult(records, 0, 4 * F, S3StopReason.Duration, null),
            [S3Operation.Get], TimeSpan.FromSeconds(1), new Dictionary<string, string>());

    private static double Info(Measurement m, string key) => double.Parse(m.Info![key], CultureInfo.InvariantCulture);
}
