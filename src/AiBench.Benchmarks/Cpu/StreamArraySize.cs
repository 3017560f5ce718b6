using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.Cpu;

/// <summary>
/// STREAM's sizing rule: each array at least 4× the last-level cache (all instances together), so every pass
/// streams from memory rather than cache.
/// </summary>
internal static class StreamArraySize
{
    public const long MinimumAutoBytes = 64L << 20;

    /// <summary>Used when the last-level cache size is unknown: 4× the largest LLCs in common servers.</summary>
    public const long UnknownCacheBytes = 1L << 30;

    /// <summary>
    /// Bytes per array for <c>size=auto</c>: max(4 × LLC, 64 MiB), but the three arrays together at most a quarter of
    /// the machine's memory, so a small VM with a huge shared LLC is not pushed into swap. Rounded down to whole
    /// 2 MiB pages.
    /// </summary>
    public static long Auto(SystemInfo system)
    {
        long llc = system.Cpu.LastLevelCacheBytes;
        long bytes = llc > 0 ? Math.Max(4 * llc, MinimumAutoBytes) : UnknownCacheBytes;
        if (system.MemoryBytes > 0)
        {
            bytes = Math.Min(bytes, Math.Max(MinimumAutoBytes, system.MemoryBytes / 12));
        }

        const long hugePage = 2L << 20;
        return bytes / hugePage * hugePage;
    }
}
