namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// One request as measured: when it started and ended (Stopwatch ticks from the run's start), when the first
/// byte of a GET's body arrived (0 when not applicable), the object bytes it moved, and how it failed.
/// </summary>
public readonly record struct RequestRecord(
    S3Operation Operation,
    long StartTicks,
    long EndTicks,
    long FirstByteTicks,
    long Bytes,
    RequestError Error)
{
    public bool Succeeded => Error == RequestError.None;

    public long DurationTicks => EndTicks - StartTicks;
}
