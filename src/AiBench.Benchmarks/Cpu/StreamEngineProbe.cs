using AiBench.Benchmarks.Native;
using AiBench.Core.Benchmarks;

namespace AiBench.Benchmarks.Cpu;

/// <summary>Whether libaibench_native loads and speaks the C API version this assembly expects.</summary>
internal static class StreamEngineProbe
{
    public static Availability Check() => NativeApiProbe.Check(
        NativeLibraryNames.AiBenchNative, "C API", Interop.StreamEngine.Version, Interop.StreamEngine.ApiVersion, "is not a libaibench_native build");
}
