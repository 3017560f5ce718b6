namespace AiBench.Benchmarks.Storage;

/// <summary>What one engine call measured (aib_io_result): status, counters and time, and each direction apart.</summary>
internal sealed record IoOutcome
{
    public required int Status { get; init; }

    public required string Engine { get; init; }

    public int ErrorErrno { get; init; }

    public long ErrorOffset { get; init; }

    public bool Cancelled { get; init; }

    public bool FixedBuffers { get; init; }

    public long Errors { get; init; }

    public long VerifyChecked { get; init; }

    public long VerifyFailed { get; init; }

    public long FirstBadOffset { get; init; }

    /// <summary>The measured interval: from the end of the ramp to the end of the run (or the cancel).</summary>
    public double Seconds { get; init; }

    public required IoDirectionResult Read { get; init; }

    public required IoDirectionResult Write { get; init; }

    public IoDirectionResult Direction(IoDirection direction) => direction == IoDirection.Read ? Read : Write;

    /// <summary>Complete slices of the measured interval (the same for both directions).</summary>
    public int CompleteSlices => Read.Slices.Count;

    public long Reads => Read.Ios;

    public long Writes => Write.Ios;

    public long BytesRead => Read.Bytes;

    public long BytesWritten => Write.Bytes;

    public long Ios => Reads + Writes;

    public long Bytes => BytesRead + BytesWritten;
}
