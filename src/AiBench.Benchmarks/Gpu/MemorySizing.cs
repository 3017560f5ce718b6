using AiBench.Core.Errors;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// Array and transfer sizes of gpu.memory. <c>auto</c> arrays are max(4 × L2, 1 GiB) each (docs/methodology.md: at least
/// 4× the L2), capped so the three fit in 80% of free device memory; <c>auto</c> host transfers are 1 GiB (nvbandwidth
/// uses 512 MiB), capped likewise. Sizes are rounded down to whole 16-byte vectors.
/// </summary>
internal static class MemorySizing
{
    public const long MinimumAutoArrayBytes = 1L << 30;

    public const long AutoTransferBytes = 1L << 30;

    private const long Granule = 2L << 20;
    private const long Vector = 16;
    private const long Smallest = 16L << 20;

    /// <summary>A requested size (null for <c>auto</c>) rounded down to whole 16-byte vectors.</summary>
    public static long? WholeVectors(long? requested) => requested / Vector * Vector;

    public static long ArrayBytes(long? requested, long l2Bytes, long freeBytes, int arrays) =>
        Size(requested, Math.Max(4 * l2Bytes, MinimumAutoArrayBytes), freeBytes, arrays);

    public static long TransferBytes(long? requested, long freeBytes, int deviceBuffers) =>
        Size(requested, AutoTransferBytes, freeBytes, deviceBuffers);

    private static long Size(long? requested, long wanted, long freeBytes, int buffers)
    {
        long cap = (long)(freeBytes * 0.8) / buffers;
        if (requested is { } bytes)
        {
            return bytes <= cap
                ? bytes
                : throw new CouldNotRunException(
                    $"{buffers} × {ByteSize.FormatBinary(bytes)} does not fit: {ByteSize.FormatBinary(freeBytes)} of device memory is free");
        }

        long size = Math.Min(wanted, cap) / Granule * Granule;
        return size >= Smallest
            ? size
            : throw new CouldNotRunException($"only {ByteSize.FormatBinary(freeBytes)} of device memory is free; gpu.memory needs more");
    }
}
