using AiBench.Benchmarks.Native;
using AiBench.Core.Benchmarks;

namespace AiBench.Benchmarks.Storage;

/// <summary>Whether libaibench_native loads and has the I/O engine of the API version this assembly expects.</summary>
internal static class IoEngineProbe
{
    public static Availability Check() => NativeApiProbe.Check(
        NativeLibraryNames.AiBenchNative, "I/O API", Interop.IoEngine.Version, Interop.IoEngine.ApiVersion, "has no I/O engine");
}
