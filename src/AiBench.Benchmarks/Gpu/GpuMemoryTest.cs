using AiBench.Core.Baselines;
namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// The tests of gpu.memory; each is one case and one metric of the same name, except device_copy (two counts of one
/// timing: <c>device_copy_read_write</c> and <c>device_local_copy</c>) and bidir (nvbandwidth's two bidirectional tests:
/// <c>h2d_bidir</c> and <c>d2h_bidir</c>).
/// </summary>
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

    /// <summary>Each direction measured while a copy twice its size runs the other way (nvbandwidth's CE bidirectional tests).</summary>
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

    /// <summary>The metrics a test yields, in order.</summary>
    public static IReadOnlyList<string> Metrics(this GpuMemoryTest test) => test switch
    {
        GpuMemoryTest.DeviceCopy => ["device_copy_read_write", "device_local_copy"],
        GpuMemoryTest.Bidirectional => ["h2d_bidir", "d2h_bidir"],
        _ => [test.Name()],
    };

    public static bool IsKernel(this GpuMemoryTest test) => test <= GpuMemoryTest.Read;

    public static bool IsHostTransfer(this GpuMemoryTest test) => test >= GpuMemoryTest.HostToDevice;

    /// <summary>
    /// The datasheet figure a test compares with: HBM bandwidth for the kernels and the device copy's read + write
    /// traffic, one direction of PCIe for h2d, d2h and each bidirectional direction.
    /// </summary>
    public static string BaselineKey(this GpuMemoryTest test) => test switch
    {
        GpuMemoryTest.HostToDevice or GpuMemoryTest.DeviceToHost or GpuMemoryTest.Bidirectional => BaselineKeys.GpuPcie,
        _ => BaselineKeys.GpuMemoryBandwidth,
    };
}
