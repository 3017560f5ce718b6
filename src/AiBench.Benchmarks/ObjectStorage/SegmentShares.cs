namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// How a request spreads over the analysis segments (warp's partial operations): the fraction of its duration
/// that falls in each segment from <c>windowStart</c> up to <c>windowEnd</c>; an instantaneous request lies
/// wholly in its segment. The fractions sum to the part of the request inside the window.
/// </summary>
public static class SegmentShares
{
    public static IEnumerable<(long Segment, double Share)> Of(RequestRecord r, long windowStart, long windowEnd, long segmentTicks)
    {
        long start = Math.Max(r.StartTicks, windowStart), end = Math.Min(r.EndTicks, windowEnd);
        if (end < start || (end == start && r.EndTicks != r.StartTicks))
        {
            yield break; // wholly outside the window
        }

        if (r.EndTicks == r.StartTicks)
        {
            yield return ((start - windowStart) / segmentTicks, 1);
            yield break;
        }

        double duration = r.EndTicks - r.StartTicks;
        for (long s = (start - windowStart) / segmentTicks; windowStart + s * segmentTicks < end; s++)
        {
            long segmentStart = windowStart + s * segmentTicks;
            yield return (s, (Math.Min(end, segmentStart + segmentTicks) - Math.Max(start, segmentStart)) / duration);
        }
    }
}
