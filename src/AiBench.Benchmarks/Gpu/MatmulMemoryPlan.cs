using AiBench.Core.Units;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// How many buffer sets (A, B, D) gpu.matmul rotates through: enough that the sets together exceed twice the L2
/// cache, so a product never finds its inputs in L2 from an earlier one — as many as fit in free memory, at most
/// <see cref="MaxSets"/>.
/// </summary>
internal static class MatmulMemoryPlan
{
    public const int MaxSets = 16;

    /// <summary>cuBLASLt workspace: 32 MiB, what the cuBLAS documentation recommends on Hopper.</summary>
    public const long WorkspaceBytes = 32L << 20;

    /// <summary>The fewest sets whose total exceeds 2 × L2 (one when a single set already does).</summary>
    public static int WantedSets(long setBytes, long l2Bytes) =>
        (int)Math.Clamp(2 * l2Bytes / Math.Max(1, setBytes) + 1, 1, MaxSets);

    /// <summary>Memory kept free for the CUDA context, cuBLASLt and the check: 5% of the device, at least 512 MiB.</summary>
    public static long ReserveBytes(long totalBytes) => Math.Max(512L << 20, totalBytes / 20);

    /// <summary>
    /// Sets that fit: min(<paramref name="wanted"/>, what free memory holds after the workspace and the reserve);
    /// 0 when not even one set fits.
    /// </summary>
    public static int FittingSets(int wanted, long setBytes, long freeBytes, long totalBytes)
    {
        long usable = freeBytes - ReserveBytes(totalBytes) - WorkspaceBytes;
        return usable < setBytes ? 0 : (int)Math.Min(wanted, usable / setBytes);
    }

    public static string Describe(long bytes) => ByteSize.FormatBinary(bytes);
}
