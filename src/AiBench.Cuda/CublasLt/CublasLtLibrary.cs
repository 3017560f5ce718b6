using System.Globalization;
using AiBench.Core.Native;
using AiBench.Cuda.Loading;

namespace AiBench.Cuda;

/// <summary>Whether cuBLASLt loads, and its version.</summary>
public static class CublasLtLibrary
{
    public static bool TryLoad(out string reason)
    {
        LoadedNativeLibrary library = CudaLibraryLoader.Load(CudaLibrary.CublasLt);
        reason = library.Failure ?? "";
        return library.IsLoaded;
    }

    /// <summary>The file that answered (a bare name when the system loader found it).</summary>
    public static string? LoadedFrom => CudaLibraryLoader.Load(CudaLibrary.CublasLt).LoadedFrom;

    /// <summary><c>cublasLtGetVersion</c> (major·10000 + minor·100 + patch) as "12.8.5".</summary>
    public static string Version()
    {
        ulong version = Interop.CublasLt.cublasLtGetVersion();
        return string.Create(CultureInfo.InvariantCulture, $"{version / 10000}.{version / 100 % 100}.{version % 100}");
    }
}
