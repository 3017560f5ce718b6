namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// Every request of one case, and the measured window: from the end of the warm-up to the moment the load was
/// told to stop. Requests that started before the window are warm-up; bytes of requests that straddle an edge
/// count only for their part inside it (warp's partial operations). <paramref name="Cpu"/>: the process's CPU time
/// from the window's start to the stop (null when the load stopped before the window began).
/// </summary>
public sealed record S3LoadResult(
    IReadOnlyList<RequestRecord> Records,
    long WindowStartTicks,
    long WindowEndTicks,
    S3StopReason StopReason,
    string? Failure,
    ProcessCpu? Cpu = null)
{
    public double WindowSeconds => Math.Max(0, WindowEndTicks - WindowStartTicks) / (double)System.Diagnostics.Stopwatch.Frequency;

    /// <summary>Requests that started inside the window.</summary>
    public IEnumerable<RequestRecord> Measured =>
        Records.Where(r => r.StartTicks >= WindowStartTicks && r.StartTicks < WindowEndTicks);
}
