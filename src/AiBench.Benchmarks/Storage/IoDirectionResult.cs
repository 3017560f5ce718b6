namespace AiBench.Benchmarks.Storage;

/// <summary>
/// What one direction (reads or writes) of an engine call measured: its I/Os and bytes in the measured interval, its
/// exact latency extremes, its complete slices, and one latency histogram (ns) per slice of the request.
/// </summary>
internal sealed record IoDirectionResult
{
    public long Ios { get; init; }

    public long Bytes { get; init; }

    /// <summary>Exact smallest and largest completion latency in ns; 0 when nothing completed.</summary>
    public double LatencyMinNs { get; init; }

    public double LatencyMaxNs { get; init; }

    /// <summary>The measured I/Os' completion latencies added up, in ns: their mean is this over <see cref="Ios"/>.</summary>
    public double LatencySumNs { get; init; }

    /// <summary>Complete slices of the measured interval, in time order.</summary>
    public required IReadOnlyList<IoSlice> Slices { get; init; }

    /// <summary>
    /// One histogram per slice of the request (complete or not: a cancelled run's last, partial slice is still part
    /// of the measured interval), <see cref="LatencyHistogram.Buckets"/> each.
    /// </summary>
    public required ulong[] Histograms { get; init; }

    public ReadOnlySpan<ulong> Histogram(int slice) =>
        Histograms.AsSpan(slice * LatencyHistogram.Buckets, LatencyHistogram.Buckets);

    /// <summary>All slices' histograms added up: the whole measured interval, as fio's one histogram per direction.</summary>
    public ulong[] Merged()
    {
        var merged = new ulong[LatencyHistogram.Buckets];
        for (int s = 0; s * LatencyHistogram.Buckets < Histograms.Length; s++)
        {
            ReadOnlySpan<ulong> h = Histogram(s);
            for (int i = 0; i < merged.Length; i++)
            {
                merged[i] += h[i];
            }
        }

        return merged;
    }
}

/// <summary>One time slice of one direction: the I/Os and bytes completed in it, and its length.</summary>
internal readonly record struct IoSlice(long Ios, long Bytes, double Seconds);
