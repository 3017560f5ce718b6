using AiBench.Core.Native;

namespace AiBench.Cuda.Loading;

/// <summary>
/// This assembly's <see cref="NativeLibrarySet"/>: the logical names of <see cref="Interop.Libraries"/> load the files
/// <see cref="CudaLibraryLocator"/> plans, each once per process, so probes and imports see the same library.
/// </summary>
public static class CudaLibraryLoader
{
    // Process-wide by nature: the runtime keeps one import resolver per assembly for the life of the process.
    private static readonly NativeLibrarySet Libraries = new(typeof(CudaLibraryLoader).Assembly, new Dictionary<string, Func<LoadedNativeLibrary>>
    {
        [Interop.Libraries.Cuda] = () => LoadPlanned(CudaLibrary.Driver),
        [Interop.Libraries.Nvrtc] = () => LoadPlanned(CudaLibrary.Nvrtc),
        [Interop.Libraries.CublasLt] = () => LoadPlanned(CudaLibrary.CublasLt),
        [Interop.Libraries.Nvml] = () => LoadPlanned(CudaLibrary.Nvml),
        [Interop.Libraries.Nccl] = () => LoadPlanned(CudaLibrary.Nccl),
    });

    /// <summary>Loads a library (once per process); never throws.</summary>
    public static LoadedNativeLibrary Load(CudaLibrary library) => Libraries.Load(ImportName(library));

    /// <summary>Registers the resolver; idempotent. Each <c>Interop</c> class calls it from its static constructor.</summary>
    internal static void EnsureResolverRegistered() => Libraries.EnsureRegistered();

    private static string ImportName(CudaLibrary library) => library switch
    {
        CudaLibrary.Driver => Interop.Libraries.Cuda,
        CudaLibrary.Nvrtc => Interop.Libraries.Nvrtc,
        CudaLibrary.CublasLt => Interop.Libraries.CublasLt,
        CudaLibrary.Nvml => Interop.Libraries.Nvml,
        CudaLibrary.Nccl => Interop.Libraries.Nccl,
        _ => throw new ArgumentOutOfRangeException(nameof(library), library, null),
    };

    private static LoadedNativeLibrary LoadPlanned(CudaLibrary library)
    {
        // NVRTC and cuBLASLt newer than the driver's CUDA version would load and then fail on every call.
        int? maxMajor = CudaLibraryFiles.IsToolkitLibrary(library) ? CudaDriver.TryGetDriverMajorVersion() : null;
        LibrarySearchPlan plan = CudaLibraryLocator.Plan(library, LibrarySearchEnvironment.Current, maxMajor);
        return LoadedNativeLibrary.First(plan.Attempts.Select(a => a.Target), () => CudaLibraryLocator.DescribeFailure(plan));
    }
}
