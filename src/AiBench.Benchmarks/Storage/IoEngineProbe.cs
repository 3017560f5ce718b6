using AiBench.Benchmarks.Native;
using AiBench.Core.Benchmarks;

namespace AiBench.Benchmarks.Storage;

/// <summary>Whether libaibench_native loads and has the I/O engine of the API version this assembly expects.</summary>
internal static class IoEngineProbe
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
            int version = Interop.IoEngine.Version();
            return version == Interop.IoEngine.ApiVersion
                ? Availability.Ready
                : Availability.Unavailable(
                    $"{library.LoadedFrom} has I/O API version {version}, this build needs {Interop.IoEngine.ApiVersion}; rebuild with 'dotnet build'");
        }
        catch (EntryPointNotFoundException e)
        {
            return Availability.Unavailable($"{library.LoadedFrom} has no I/O engine: {e.Message}");
        }
    }
}
