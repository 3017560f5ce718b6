namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>How long and how hard one case loads the endpoint, and when it stops early.</summary>
public sealed record S3LoadOptions
{
    public required OperationMix Mix { get; init; }

    public required int Concurrency { get; init; }

    /// <summary>Run first and left out of every figure.</summary>
    public TimeSpan Warmup { get; init; }

    /// <summary>The longest measured time (after the warm-up); always the upper bound.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Stop after this many measured operations; null = duration only.</summary>
    public long? OperationLimit { get; init; }

    /// <summary>Length of one analysis segment (warp's analyze.dur).</summary>
    public TimeSpan Segment { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>warp's autoterm: stop once throughput has settled; null = off.</summary>
    public Settling? AutoTerminate { get; init; }

    /// <summary>This many failed requests in a row (none succeeding in between) mean the endpoint is gone.</summary>
    public int MaxConsecutiveErrors { get; init; } = 16;

    /// <summary>Keys a list must find; -1 when the mix adds or deletes objects.</summary>
    public long ExpectedListKeys { get; init; } = -1;
}

/// <summary>Throughput has settled when every segment of the last <see cref="Window"/> is within <see cref="Tolerance"/> of their median.</summary>
public sealed record Settling(TimeSpan Window, double Tolerance);
