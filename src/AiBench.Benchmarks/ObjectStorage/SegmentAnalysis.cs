using System.Diagnostics;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// warp's analysis: the measured window cut into equal segments, each segment's bytes/s and objects/s, a
/// request's bytes spread evenly over its duration so one that straddles a boundary counts in both segments
/// for the part it spent in each. The average is over the whole window; the segments give fastest, median and
/// slowest. A window shorter than two segments is one segment. The average is warp's headline (its <c>pkg/aggregate</c>
/// Throughput of the active range); the segments are detail.
/// </summary>
public sealed record SegmentAnalysis(double SegmentSeconds, double[] BytesPerSecond, double[] OperationsPerSecond, double AverageBytesPerSecond, double AverageOperationsPerSecond)
{
    public static SegmentAnalysis Analyze(IReadOnlyList<RequestRecord> succeeded, long windowStart, long windowEnd, TimeSpan segment)
    {
        long window = Math.Max(1, windowEnd - windowStart);
        long segmentTicks = Math.Max(1, (long)(segment.TotalSeconds * Stopwatch.Frequency));
        int count = (int)Math.Max(1, window / segmentTicks);
        if (count == 1)
        {
            segmentTicks = window;
        }

        var bytes = new double[count];
        var operations = new double[count];
        double totalBytes = 0, totalOperations = 0;
        foreach (RequestRecord r in succeeded)
        {
            foreach ((long segmentIndex, double share) in SegmentShares.Of(r, windowStart, windowEnd, segmentTicks))
            {
                totalBytes += r.Bytes * share;
                totalOperations += share;
                if (segmentIndex < count)
                {
                    bytes[segmentIndex] += r.Bytes * share;
                    operations[segmentIndex] += share;
                }
            }
        }

        double seconds = segmentTicks / (double)Stopwatch.Frequency;
        double windowSeconds = window / (double)Stopwatch.Frequency;
        return new SegmentAnalysis(
            seconds,
            bytes.Select(b => b / seconds).ToArray(),
            operations.Select(o => o / seconds).ToArray(),
            totalBytes / windowSeconds,
            totalOperations / windowSeconds);
    }

    /// <summary>
    /// warp's "50% Median" segment: of the segments sorted slowest first, the one at index round(n · 0.5) with Go's
    /// rounding, halves up (<c>SegmentsSmall.Median</c>): of 4 segments the 3rd slowest, of 5 the 4th.
    /// </summary>
    public static double WarpMedian(IReadOnlyList<double> sorted) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Round(sorted.Count * 0.5, MidpointRounding.AwayFromZero))];
}
