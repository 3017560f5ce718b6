using AiBench.Core.Benchmarks;
using AiBench.Core.Native;

namespace AiBench.Benchmarks.Native;

/// <summary>
/// Whether one of AiBench's own native libraries loads and speaks the C API version this build was compiled against:
/// one check for the STREAM engine, the I/O engine and the MPI shim, each naming its library and version on failure.
/// </summary>
internal static class NativeApiProbe
{
    /// <param name="logicalName">the library, as <see cref="NativeLibraryNames"/> names it</param>
    /// <param name="api">what the version belongs to, for messages ("C API", "I/O API")</param>
    /// <param name="version">calls the library's version entry point</param>
    /// <param name="expected">the version this build needs</param>
    /// <param name="missing">what a library without the entry point is ("is not a libaibench_native build", "has no I/O engine")</param>
    public static Availability Check(string logicalName, string api, Func<int> version, int expected, string missing)
    {
        LoadedNativeLibrary library = NativeLibraryResolver.Load(logicalName);
        if (!library.IsLoaded)
        {
            return Availability.Unavailable(library.Failure ?? $"{logicalName} could not be loaded");
        }

        try
        {
            int found = version();
            return found == expected
                ? Availability.Ready
                : Availability.Unavailable($"{library.LoadedFrom} has {api} version {found}, this build needs {expected}; rebuild with 'dotnet build'");
        }
        catch (EntryPointNotFoundException e)
        {
            return Availability.Unavailable($"{library.LoadedFrom} {missing}: {e.Message}");
        }
    }
}
