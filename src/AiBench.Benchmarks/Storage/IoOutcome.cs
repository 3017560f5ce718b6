namespace AiBench.Benchmarks.Storage;

/// <summary>What one engine call measured (aib_io_result), with the latency histograms of its slices (ns).</summary>
internal sealed record IoOutcome
{
    public required int Status { get; init; }

    public required string Engine { get; init; }

    public int ErrorErrno { get; init; }

    public long ErrorOffset { get; init; }

    public bool Cancelled { get; init; }

    public bool FixedBuffers { get; init; }

    public long Reads { get; init; }

    public long Writes { get; init; }

    public long BytesRead { get; init; }

    public long BytesWritten { get; init; }

    public long Errors { get; init; }

    public long VerifyChecked { get; init; }

    public long VerifyFailed { get; init; }

    public long FirstBadOffset { get; init; }

    public double LatencyMinNs { get; init; }

    public double LatencyMaxNs { get; init; }

    public double Seconds { get; init; }

    /// <summary>Complete slices of the measured interval (the samples).</summary>
    public required IReadOnlyList<IoSlice> Slices { get; init; }

    /// <summary>One histogram per slice of the request (complete or not), <see cref="LatencyHistogram.Buckets"/> each.</summary>
    public required ulong[] Histograms { get; init; }

    public long Ios => Reads + Writes;

    public long Bytes => BytesRead + BytesWritten;

    public ReadOnlySpan<ulong> Histogram(int slice) =>
        Histograms.AsSpan(slice * LatencyHistogram.Buckets, LatencyHistogram.Buckets);

    /// <summary>All slices' histograms merged: the whole measured interval.</summary>
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

/// <summary>One time slice of a run: I/Os and bytes completed in it.</summary>
internal readonly record struct IoSlice(long Ios, long Bytes, double Seconds);
