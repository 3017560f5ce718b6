using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;

namespace AiBench.Cuda.Loading;

/// <summary>
/// The one <see cref="NativeLibrary.SetDllImportResolver"/> of this assembly: maps the logical names of
/// <see cref="Interop.Libraries"/> to the files <see cref="CudaLibraryLocator"/> plans, loads each library once and
/// remembers the outcome (success or the "not found" message), so probes and imports see the same library.
/// </summary>
public static class CudaLibraryLoader
{
    private static readonly Assembly ThisAssembly = typeof(CudaLibraryLoader).Assembly;
    private static readonly ConcurrentDictionary<CudaLibrary, Lazy<LoadedCudaLibrary>> Loaded = new();
    private static int _registered;

    /// <summary>Loads a library (once per process); never throws.</summary>
    public static LoadedCudaLibrary Load(CudaLibrary library)
    {
        EnsureResolverRegistered();
        return Loaded.GetOrAdd(library, l => new Lazy<LoadedCudaLibrary>(() => LoadUncached(l))).Value;
    }

    /// <summary>Registers the resolver; idempotent. Each <c>Interop</c> class calls it from its static constructor.</summary>
    internal static void EnsureResolverRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(ThisAssembly, Resolve);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        CudaLibrary? library = libraryName switch
        {
            Interop.Libraries.Cuda => CudaLibrary.Driver,
            Interop.Libraries.Nvrtc => CudaLibrary.Nvrtc,
            Interop.Libraries.CublasLt => CudaLibrary.CublasLt,
            Interop.Libraries.Nvml => CudaLibrary.Nvml,
            Interop.Libraries.Nccl => CudaLibrary.Nccl,
            _ => null,
        };
        return library is { } known ? Load(known).Handle : 0;
    }

    private static LoadedCudaLibrary LoadUncached(CudaLibrary library)
    {
        // NVRTC and cuBLASLt newer than the driver's CUDA version would load and then fail on every call.
        int? maxMajor = CudaLibraryFiles.IsToolkitLibrary(library) ? CudaDriver.TryGetDriverMajorVersion() : null;
        LibrarySearchPlan plan = CudaLibraryLocator.Plan(library, LibrarySearchEnvironment.Current, maxMajor);
        foreach (LoadAttempt attempt in plan.Attempts)
        {
            if (NativeLibrary.TryLoad(attempt.Target, out nint handle))
            {
                return new LoadedCudaLibrary(library, handle, attempt.Target, null);
            }
        }

        return new LoadedCudaLibrary(library, 0, null, CudaLibraryLocator.DescribeFailure(plan));
    }
}
