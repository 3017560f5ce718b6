using System.Diagnostics;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// warp's analysis: the measured window cut into equal segments, each segment's bytes/s and objects/s, a
/// request's bytes spread evenly over its duration so one that straddles a boundary counts in both segments
/// for the part it spent in each. The average is over the whole window; the segments give fastest, median and
/// slowest. A window shorter than two segments is one segment.
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
            long start = Math.Max(r.StartTicks, windowStart), end = Math.Min(r.EndTicks, windowEnd);
            if (end < start || (end == start && r.EndTicks != r.StartTicks))
            {
                continue; // wholly outside the window
            }

            double duration = Math.Max(1, r.EndTicks - r.StartTicks);
            double inside = Math.Max(1, end - start) / duration;
            totalBytes += r.Bytes * inside;
            totalOperations += inside;
            for (int s = (int)((start - windowStart) / segmentTicks); s < count; s++)
            {
                long segmentStart = windowStart + s * segmentTicks, segmentEnd = segmentStart + segmentTicks;
                if (segmentStart > end)
                {
                    break;
                }

                double share = Math.Max(0, Math.Min(end, segmentEnd) - Math.Max(start, segmentStart)) / duration;
                if (r.EndTicks == r.StartTicks)
                {
                    share = 1; // an instantaneous request lies in one segment
                }

                bytes[s] += r.Bytes * share;
                operations[s] += share;
                if (r.EndTicks == r.StartTicks)
                {
                    break;
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
}
