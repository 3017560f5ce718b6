namespace AiBench.Benchmarks.Gpu;

/// <summary>The tests of gpu.memory; each is one case and one metric of the same name.</summary>
internal enum GpuMemoryTest
{
    /// <summary>c = a (STREAM kernel).</summary>
    Copy,

    /// <summary>b = s·c.</summary>
    Scale,

    /// <summary>c = a + b.</summary>
    Add,

    /// <summary>a = b + s·c.</summary>
    Triad,

    /// <summary>sum(a): a read-only reduction.</summary>
    Read,

    /// <summary>cuMemcpyAsync device to device, on a copy engine.</summary>
    DeviceCopy,

    /// <summary>Pinned host memory to device, cuMemcpyAsync.</summary>
    HostToDevice,

    /// <summary>Device to pinned host memory.</summary>
    DeviceToHost,

    /// <summary>Both directions at once, on two streams.</summary>
    Bidirectional,
}

internal static class GpuMemoryTests
{
    public static IReadOnlyList<string> Names { get; } = ["copy", "scale", "add", "triad", "read", "device_copy", "h2d", "d2h", "bidir"];

    /// <summary>The default sweep: every test.</summary>
    public static string AllNames => string.Join(",", Names);

    public static GpuMemoryTest Parse(string name)
    {
        int index = Names.ToList().FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? (GpuMemoryTest)index : throw new ArgumentOutOfRangeException(nameof(name), name, "not a gpu.memory test");
    }

    public static string Name(this GpuMemoryTest test) => Names[(int)test];

    public static bool IsKernel(this GpuMemoryTest test) => test <= GpuMemoryTest.Read;

    public static bool IsHostTransfer(this GpuMemoryTest test) => test >= GpuMemoryTest.HostToDevice;

    /// <summary>
    /// The datasheet figure a test compares with: HBM bandwidth for the kernels and the device copy, one direction
    /// of PCIe for h2d and d2h, both directions for bidir.
    /// </summary>
    public static string BaselineKey(this GpuMemoryTest test) => test switch
    {
        GpuMemoryTest.HostToDevice or GpuMemoryTest.DeviceToHost => "gpu.pcie",
        GpuMemoryTest.Bidirectional => "gpu.pcie_bidir",
        _ => "gpu.memory_bandwidth",
    };
}
