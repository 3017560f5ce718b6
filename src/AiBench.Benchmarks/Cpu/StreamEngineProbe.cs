using AiBench.Benchmarks.Native;
using AiBench.Core.Benchmarks;

namespace AiBench.Benchmarks.Cpu;

/// <summary>Whether libaibench_native loads and speaks the C API version this assembly expects.</summary>
internal static class StreamEngineProbe
{
    public static Availability Check()
    {
        LoadedLibrary library = NativeLibraryResolver.Load(NativeLibraryNames.AiBenchNative);
        if (!library.IsLoaded)
        {
            return Availability.Unavailable(library.Error ?? "libaibench_native could not be loaded");
        }

        try
        {
            int version = Interop.StreamEngine.Version();
            return version == Interop.StreamEngine.ApiVersion
                ? Availability.Ready
                : Availability.Unavailable(
                    $"{library.LoadedFrom} has C API version {version}, this build needs {Interop.StreamEngine.ApiVersion}; rebuild with 'dotnet build'");
        }
        catch (EntryPointNotFoundException e)
        {
            return Availability.Unavailable($"{library.LoadedFrom} is not a libaibench_native build: {e.Message}");
        }
    }
}
