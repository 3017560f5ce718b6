namespace AiBench.Benchmarks.Storage;

/// <summary>
/// Reads the engine's log-linear latency histogram (aibench_io.h): values below 256 ns exact, above that 128
/// linear sub-buckets per power of two, so a bucket is at most 1/128 of its values wide. A percentile is the
/// midpoint of the bucket holding the value of that rank (within 0.4% of the true value), clamped to the exact
/// minimum and maximum.
/// </summary>
internal static class LatencyHistogram
{
    public const int SubBits = 7;

    public const int Buckets = 43 << SubBits;

    /// <summary>The bucket of a value in ns; the same mapping as aib_io_hist_index.</summary>
    public static int IndexOf(ulong valueNs)
    {
        ulong v = Math.Min(valueNs, (1UL << 48) - 1);
        if (v < 2UL << SubBits)
        {
            return (int)v;
        }

        int msb = 63 - System.Numerics.BitOperations.LeadingZeroCount(v);
        int shift = msb - SubBits;
        return ((shift + 1) << SubBits) + (int)((v >> shift) - (1UL << SubBits));
    }

    /// <summary>The smallest value of a bucket and its width, in ns.</summary>
    public static (ulong Lower, ulong Width) Bounds(int index)
    {
        if (index < 2 << SubBits)
        {
            return ((ulong)index, 1);
        }

        int shift = (index >> SubBits) - 1;
        ulong sub = (ulong)(index & ((1 << SubBits) - 1)) + (1UL << SubBits);
        return (sub << shift, 1UL << shift);
    }

    public static long Count(ReadOnlySpan<ulong> counts)
    {
        ulong n = 0;
        foreach (ulong c in counts)
        {
            n += c;
        }

        return (long)n;
    }

    /// <summary>
    /// The value (ns) at a fraction (0.99 = p99) of the recorded values: the smallest value with at least that
    /// share of values at or below it, as fio reports clat percentiles; NaN for an empty histogram.
    /// </summary>
    public static double Percentile(ReadOnlySpan<ulong> counts, double fraction, double minNs = 0, double maxNs = double.PositiveInfinity)
    {
        long total = Count(counts);
        if (total == 0)
        {
            return double.NaN;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(fraction * total));
        long seen = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            seen += (long)counts[i];
            if (seen >= rank)
            {
                (ulong lower, ulong width) = Bounds(i);
                double mid = width == 1 ? lower : lower + ((width - 1) / 2.0);
                return Math.Clamp(mid, minNs, Math.Max(minNs, maxNs));
            }
        }

        return maxNs;
    }

    /// <summary>The upper end (ns) of the highest non-empty bucket; NaN when empty.</summary>
    public static double Max(ReadOnlySpan<ulong> counts)
    {
        for (int i = counts.Length - 1; i >= 0; i--)
        {
            if (counts[i] > 0)
            {
                (ulong lower, ulong width) = Bounds(i);
                return lower + width - 1;
            }
        }

        return double.NaN;
    }
}
