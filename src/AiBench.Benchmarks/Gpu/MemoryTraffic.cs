namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// Bytes gpu.memory counts per operation, docs/methodology.md's rule: accesses per element × element size × elements.
/// STREAM kernels: copy and scale 2, add and triad 3, read 1 (write-allocate traffic is not counted, as in STREAM and
/// BabelStream). device_copy gives two figures from the same timings: <c>device_copy_read_write</c> counts 2 — every
/// byte is read and written, so it is DRAM traffic and compares with the kernels and the HBM datasheet — and
/// <c>device_local_copy</c> counts the copy size once, as nvbandwidth's device_local_copy does (exactly half).
/// h2d and d2h count the bytes moved across PCIe once; so do h2d_bidir and d2h_bidir, for the measured direction only
/// (see <see cref="BidirectionalRate"/>).
/// </summary>
internal static class MemoryTraffic
{
    public static int AccessesPerElement(this GpuMemoryTest test) => test switch
    {
        GpuMemoryTest.Copy or GpuMemoryTest.Scale => 2,
        GpuMemoryTest.Add or GpuMemoryTest.Triad => 3,
        GpuMemoryTest.Read => 1,
        GpuMemoryTest.DeviceCopy => 2,
        GpuMemoryTest.HostToDevice or GpuMemoryTest.DeviceToHost => 1,
        GpuMemoryTest.Bidirectional => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(test), test, null),
    };

    /// <summary>
    /// Bytes one operation moves over arrays (or transfers) of <paramref name="elements"/> elements of
    /// <paramref name="elementBytes"/> bytes.
    /// </summary>
    public static double BytesPerOperation(GpuMemoryTest test, long elements, int elementBytes) =>
        (double)test.AccessesPerElement() * elementBytes * elements;

    /// <summary>Bytes one operation moves over buffers of <paramref name="bufferBytes"/> each.</summary>
    public static double BytesPerOperation(GpuMemoryTest test, long bufferBytes) => BytesPerOperation(test, bufferBytes, 1);

    /// <summary>nvbandwidth's device_local_copy from a device_copy_read_write figure: the copy size counted once.</summary>
    public static double CountedOnce(double readWriteBytesPerSecond) => readWriteBytesPerSecond / 2;

    /// <summary>
    /// nvbandwidth's CE bidirectional figure (README "Bandwidth calculation"; testcases_ce.cpp,
    /// HostToDeviceBidirCE/DeviceToHostBidirCE): the measured direction's bytes over the measured stream's own time,
    /// while a copy twice as large runs the other way for the whole of it. Not the sum of both directions, and not
    /// over the time until both finish.
    /// </summary>
    public static double BidirectionalRate(long transferBytes, int copies, double measuredSeconds) =>
        (double)transferBytes * copies / measuredSeconds;

    /// <summary>nvbandwidth's interfering copy: twice the measured size, so it outlasts the measured copies.</summary>
    public static long InterferingBytes(long transferBytes) => 2 * transferBytes;
}
