using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;

namespace AiBench.Benchmarks.Native;

/// <summary>
/// The one <see cref="NativeLibrary.SetDllImportResolver"/> of this assembly (the runtime allows one per assembly):
/// maps the logical names of <see cref="NativeLibraryNames"/> to the files to try, loads each library once and
/// remembers the outcome, so a probe and every later import see the same library. Other names fall through to the
/// runtime's default probing.
/// </summary>
internal static class NativeLibraryResolver
{
    private static readonly Assembly ThisAssembly = typeof(NativeLibraryResolver).Assembly;
    private static readonly ConcurrentDictionary<string, Lazy<LoadedLibrary>> Loaded = new(StringComparer.Ordinal);
    private static int _registered;

    /// <summary>Loads a library by logical name (registering the resolver first); never throws.</summary>
    public static LoadedLibrary Load(string logicalName)
    {
        EnsureRegistered();
        return Loaded.GetOrAdd(logicalName, name => new Lazy<LoadedLibrary>(() => LoadUncached(name))).Value;
    }

    /// <summary>Registers the resolver; idempotent and thread-safe. Interop classes call it before their first import.</summary>
    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(ThisAssembly, Resolve);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName is NativeLibraryNames.AiBenchNative or NativeLibraryNames.OpenBlas or NativeLibraryNames.AiBenchMpi
            ? Load(libraryName).Handle : 0;

    private static LoadedLibrary LoadUncached(string logicalName) => logicalName switch
    {
        NativeLibraryNames.AiBenchNative => LoadAiBenchNative(),
        NativeLibraryNames.OpenBlas => LoadFirst(NativeLibraryNames.OpenBlasFiles),
        NativeLibraryNames.AiBenchMpi => LoadAiBenchMpi(),
        _ => LoadedLibrary.Failed($"no native library is known as '{logicalName}'"),
    };

    private static LoadedLibrary LoadAiBenchNative() => LoadShipped(NativeLibraryNames.AiBenchNative, NativeLibraryNames.AiBenchNativeFile,
        _ => $"{NativeLibraryNames.AiBenchNativeFile} not found beside the application ({AppContext.BaseDirectory}); "
             + "build it with 'dotnet build' (needs cmake and a C compiler; ./run.sh installs them)");

    // It links the host's libmpi, so a failure names both possible causes.
    private static LoadedLibrary LoadAiBenchMpi() => LoadShipped(NativeLibraryNames.AiBenchMpi, NativeLibraryNames.AiBenchMpiFile,
        besideApp => File.Exists(besideApp)
            ? $"{besideApp} exists but does not load (is the MPI it was built against installed here? e.g. 'apt-get install openmpi-bin')"
            : $"{NativeLibraryNames.AiBenchMpiFile} not found beside the application ({AppContext.BaseDirectory}); it is built only where "
              + "an MPI is installed: install one ('apt-get install libopenmpi-dev openmpi-bin') and rebuild with 'dotnet build'");

    /// <summary>
    /// A library AiBench builds and ships: the build copies the .so next to the assemblies; a single-file publish
    /// extracts it into a folder of its own, which the by-name load probes (NATIVE_DLL_SEARCH_DIRECTORIES includes it).
    /// </summary>
    private static LoadedLibrary LoadShipped(string logicalName, string fileName, Func<string, string> whyNot)
    {
        string besideApp = Path.Combine(AppContext.BaseDirectory, fileName);
        if (NativeLibrary.TryLoad(besideApp, out nint handle))
        {
            return new LoadedLibrary(handle, besideApp, null);
        }

        if (NativeLibrary.TryLoad(logicalName, ThisAssembly, DllImportSearchPath.AssemblyDirectory, out handle))
        {
            return new LoadedLibrary(handle, fileName, null);
        }

        return LoadedLibrary.Failed(whyNot(besideApp));
    }

    private static LoadedLibrary LoadFirst(IReadOnlyList<string> files)
    {
        foreach (string file in files)
        {
            if (NativeLibrary.TryLoad(file, out nint handle))
            {
                return new LoadedLibrary(handle, file, null);
            }
        }

        return LoadedLibrary.Failed($"looked for {string.Join(", ", files)}");
    }
}
