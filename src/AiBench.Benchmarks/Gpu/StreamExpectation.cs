namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// The values the STREAM arrays start with and what each test leaves behind. The kernels run in isolation, each
/// writing an array it does not read, so repeating a kernel changes nothing and the expected result is exact:
/// copy c = a = 0.25, scale b = 3·2 = 6, add c = 0.25 + 0.5 = 0.75, triad a = 0.5 + 3·2 = 6.5, read sum = 0.25·n,
/// device_copy c = a = 0.25 — each different from the array's starting value, so a kernel that did not run fails.
/// </summary>
internal static class StreamExpectation
{
    public const double InitialA = 0.25;
    public const double InitialB = 0.5;
    public const double InitialC = 2.0;
    public const double Scalar = 3.0;

    public enum Array
    {
        A,
        B,
        C,
    }

    /// <summary>The array a test writes and the value every element must then hold (read: the sum's per-element value).</summary>
    public static (Array Output, double Value) For(GpuMemoryTest test) => test switch
    {
        GpuMemoryTest.Copy or GpuMemoryTest.DeviceCopy => (Array.C, InitialA),
        GpuMemoryTest.Scale => (Array.B, Scalar * InitialC),
        GpuMemoryTest.Add => (Array.C, InitialA + InitialB),
        GpuMemoryTest.Triad => (Array.A, InitialB + Scalar * InitialC),
        GpuMemoryTest.Read => (Array.A, InitialA),
        _ => throw new ArgumentOutOfRangeException(nameof(test), test, "not a device-memory test"),
    };
}
