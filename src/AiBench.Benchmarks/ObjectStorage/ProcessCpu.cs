using System.Diagnostics;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// The whole process's CPU time (user + system, every thread: the SDK, the HTTP stack, the GC) over a stretch of
/// wall time, from two readings of <see cref="Environment.CpuUsage"/> (getrusage on Linux). Divided by the bytes
/// moved in the same stretch it is the client's cost per byte, the figure that decides who wins where the CPU is
/// the limit.
/// </summary>
public readonly record struct ProcessCpu(double CpuSeconds, double WallSeconds)
{
    /// <summary>Bytes in the "GB" of <see cref="SecondsPerGB"/>: decimal, like the MB/s beside it.</summary>
    public const double BytesPerGB = 1e9;

    /// <summary>CPU seconds per wall second: 1.0 = one core busy all the time.</summary>
    public double Cores => WallSeconds > 0 ? CpuSeconds / WallSeconds : 0;

    /// <summary>CPU seconds per 10^9 bytes at <paramref name="bytesPerSecond"/> moved over the same time; null when nothing moved.</summary>
    public double? SecondsPerGB(double bytesPerSecond) => bytesPerSecond > 0 ? Cores * BytesPerGB / bytesPerSecond : null;

    /// <summary>A reading to take at the start of the stretch: Stopwatch ticks and the process's CPU time so far.</summary>
    public static (long Ticks, TimeSpan Cpu) Read() => (Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime);

    /// <summary>From a reading at the start to one at the end.</summary>
    public static ProcessCpu Between((long Ticks, TimeSpan Cpu) start, (long Ticks, TimeSpan Cpu) end) =>
        new((end.Cpu - start.Cpu).TotalSeconds, (end.Ticks - start.Ticks) / (double)Stopwatch.Frequency);
}
