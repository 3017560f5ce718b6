using System.Runtime.InteropServices;
using AiBench.Core.Native;

namespace AiBench.Benchmarks.Native;

/// <summary>
/// This assembly's <see cref="NativeLibrarySet"/>: the libraries AiBench builds and ships (the STREAM and I/O engines,
/// the MPI shim) and OpenBLAS, each loaded once per process, so a probe and every later import see the same library.
/// </summary>
internal static class NativeLibraryResolver
{
    // Process-wide by nature: the runtime keeps one import resolver per assembly for the life of the process.
    private static readonly NativeLibrarySet Libraries = new(typeof(NativeLibraryResolver).Assembly, new Dictionary<string, Func<LoadedNativeLibrary>>
    {
        [NativeLibraryNames.AiBenchNative] = LoadAiBenchNative,
        [NativeLibraryNames.OpenBlas] = () => LoadedNativeLibrary.First(NativeLibraryNames.OpenBlasFiles,
            () => $"looked for {string.Join(", ", NativeLibraryNames.OpenBlasFiles)}"),
        [NativeLibraryNames.AiBenchMpi] = LoadAiBenchMpi,
    });

    /// <summary>Loads a library by logical name (registering the resolver first); never throws.</summary>
    public static LoadedNativeLibrary Load(string logicalName) => Libraries.Load(logicalName);

    /// <summary>Registers the resolver; idempotent and thread-safe. Interop classes call it before their first import.</summary>
    public static void EnsureRegistered() => Libraries.EnsureRegistered();

    private static LoadedNativeLibrary LoadAiBenchNative() => LoadShipped(NativeLibraryNames.AiBenchNative, NativeLibraryNames.AiBenchNativeFile,
        _ => $"{NativeLibraryNames.AiBenchNativeFile} not found beside the application ({AppContext.BaseDirectory}); "
             + "build it with 'dotnet build' (needs cmake and a C compiler; ./run.sh installs them)");

    // It links the host's libmpi, so a failure names both possible causes.
    private static LoadedNativeLibrary LoadAiBenchMpi() => LoadShipped(NativeLibraryNames.AiBenchMpi, NativeLibraryNames.AiBenchMpiFile,
        besideApp => File.Exists(besideApp)
            ? $"{besideApp} exists but does not load (is the MPI it was built against installed here? e.g. 'apt-get install openmpi-bin')"
            : $"{NativeLibraryNames.AiBenchMpiFile} not found beside the application ({AppContext.BaseDirectory}); it is built only where "
              + "an MPI is installed: install one ('apt-get install libopenmpi-dev openmpi-bin') and rebuild with 'dotnet build'");

    /// <summary>
    /// A library AiBench builds and ships: the build copies the .so next to the assemblies; a single-file publish
    /// extracts it into a folder of its own, which the by-name load probes (NATIVE_DLL_SEARCH_DIRECTORIES includes it).
    /// </summary>
    private static LoadedNativeLibrary LoadShipped(string logicalName, string fileName, Func<string, string> whyNot)
    {
        string besideApp = Path.Combine(AppContext.BaseDirectory, fileName);
        if (NativeLibrary.TryLoad(besideApp, out nint handle))
        {
            return new LoadedNativeLibrary(handle, besideApp, null);
        }

        if (NativeLibrary.TryLoad(logicalName, typeof(NativeLibraryResolver).Assembly, DllImportSearchPath.AssemblyDirectory, out handle))
        {
            return new LoadedNativeLibrary(handle, fileName, null);
        }

        return LoadedNativeLibrary.Failed(whyNot(besideApp));
    }
}
