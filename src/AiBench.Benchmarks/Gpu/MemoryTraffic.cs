namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// Bytes gpu.memory counts per operation, DESIGN.md's rule: accesses per element × element size × elements.
/// STREAM kernels: copy and scale 2, add and triad 3, read 1 (write-allocate traffic is not counted, as in STREAM and
/// BabelStream). device_copy counts 2 — every byte is read and written, so the figure is DRAM traffic and compares
/// with the kernels and the HBM datasheet; nvbandwidth's device_local_copy counts the copy size once (half this).
/// h2d and d2h count the bytes moved across PCIe once; bidir counts both directions.
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
        GpuMemoryTest.Bidirectional => 2,
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
}
