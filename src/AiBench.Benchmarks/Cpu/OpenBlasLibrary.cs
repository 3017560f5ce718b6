using System.Runtime.InteropServices;
using AiBench.Benchmarks.Native;
using AiBench.Core.Hosts;
using AiBench.Core.Native;

namespace AiBench.Benchmarks.Cpu;

/// <summary>
/// The loaded CBLAS library and its OpenBLAS-only extras (thread count, build description), which a generic
/// CBLAS lacks; those are looked up as optional exports rather than imported.
/// </summary>
internal sealed unsafe class OpenBlasLibrary
{
    // Process-wide by nature: OpenBLAS reads its core type from the environment once, when the library loads.
    private static readonly Lock CoreTypeGate = new();
    private static bool _coreTypeDecided;
    private static string? _coreTypeChosen;

    private readonly delegate* unmanaged<int, void> _setThreads;
    private readonly delegate* unmanaged<int> _getThreads;
    private readonly delegate* unmanaged<byte*> _getConfig;
    private readonly delegate* unmanaged<byte*> _getCoreName;

    private OpenBlasLibrary(LoadedNativeLibrary library)
    {
        LoadedFrom = library.LoadedFrom ?? NativeLibraryNames.OpenBlas;
        _setThreads = (delegate* unmanaged<int, void>)Export(library.Handle, "openblas_set_num_threads");
        _getThreads = (delegate* unmanaged<int>)Export(library.Handle, "openblas_get_num_threads");
        _getConfig = (delegate* unmanaged<byte*>)Export(library.Handle, "openblas_get_config");
        _getCoreName = (delegate* unmanaged<byte*>)Export(library.Handle, "openblas_get_corename");
    }

    /// <summary>The file that was loaded (<c>libopenblas.so.0</c>).</summary>
    public string LoadedFrom { get; }

    /// <summary>OpenBLAS's build description ("OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY SapphireRapids MAX_THREADS=64"), if any.</summary>
    public string? Config => _getConfig == null ? null : Marshal.PtrToStringUTF8((nint)_getConfig());

    /// <summary>The kernel family OpenBLAS runs ("Cooperlake", "Haswell"), if it is OpenBLAS.</summary>
    public string? CoreName => _getCoreName == null ? null : Marshal.PtrToStringUTF8((nint)_getCoreName());

    /// <summary>The <c>OPENBLAS_CORETYPE</c> AiBench chose from the CPU flags, or null when it left detection alone.</summary>
    public static string? ChosenCoreType => _coreTypeChosen;

    /// <summary>Threads the library uses now, or null when it cannot tell (not OpenBLAS).</summary>
    public int? Threads => _getThreads == null ? null : _getThreads();

    /// <summary>
    /// Loads the library, or returns why not (the candidates tried). The first call picks OpenBLAS's kernels from
    /// <paramref name="cpu"/>'s flags (see <see cref="OpenBlasCoreType"/>).
    /// </summary>
    public static OpenBlasLibrary? TryLoad(CpuInfo cpu, out string? error)
    {
        lock (CoreTypeGate)
        {
            if (!_coreTypeDecided)
            {
                _coreTypeChosen = OpenBlasCoreType.ApplyBeforeLoad(cpu.Flags);
                _coreTypeDecided = true;
            }
        }

        LoadedNativeLibrary library = NativeLibraryResolver.Load(NativeLibraryNames.OpenBlas);
        if (!library.IsLoaded || !NativeLibrary.TryGetExport(library.Handle, "cblas_sgemm", out _))
        {
            error = library.IsLoaded
                ? $"{library.LoadedFrom} has no cblas_sgemm"
                : $"OpenBLAS not found (install libopenblas0): {library.Failure}";
            return null;
        }

        error = null;
        return new OpenBlasLibrary(library);
    }

    /// <summary>Sets the library's thread count; returns false when the library has no such control.</summary>
    public bool TrySetThreads(int threads)
    {
        if (_setThreads == null)
        {
            return false;
        }

        _setThreads(threads);
        return true;
    }

    private static nint Export(nint handle, string name) => NativeLibrary.TryGetExport(handle, name, out nint address) ? address : 0;
}
