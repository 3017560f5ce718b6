using System.Globalization;

namespace AiBench.Cuda.Loading;

/// <summary>The file names each <see cref="CudaLibrary"/> goes by, newest major version first.</summary>
public static class CudaLibraryFiles
{
    /// <summary>Major versions of the toolkit libraries tried, newest first.</summary>
    public static IReadOnlyList<int> ToolkitMajorVersions { get; } = [13, 12, 11];

    public static string DisplayName(CudaLibrary library) => library switch
    {
        CudaLibrary.Driver => "libcuda.so.1",
        CudaLibrary.Nvrtc => "libnvrtc.so",
        CudaLibrary.CublasLt => "libcublasLt.so",
        CudaLibrary.Nvml => "libnvidia-ml.so.1",
        CudaLibrary.Nccl => "libnccl.so.2",
        _ => throw new ArgumentOutOfRangeException(nameof(library), library, null),
    };

    /// <summary>
    /// The names to try, in order. Toolkit libraries (NVRTC, cuBLASLt) are versioned by the CUDA major version; a
    /// version newer than the driver supports (<paramref name="maxMajorVersion"/>, from cuDriverGetVersion) is
    /// skipped, since it would load but fail on every call. The unversioned development symlink comes last.
    /// </summary>
    public static IReadOnlyList<string> FileNames(CudaLibrary library, int? maxMajorVersion = null) => library switch
    {
        CudaLibrary.Driver => ["libcuda.so.1", "libcuda.so"],
        CudaLibrary.Nvml => ["libnvidia-ml.so.1", "libnvidia-ml.so"],
        CudaLibrary.Nvrtc => Versioned("libnvrtc.so", maxMajorVersion),
        CudaLibrary.CublasLt => Versioned("libcublasLt.so", maxMajorVersion),
        CudaLibrary.Nccl => ["libnccl.so.2", "libnccl.so"],
        _ => throw new ArgumentOutOfRangeException(nameof(library), library, null),
    };

    /// <summary>Whether the library ships with the CUDA toolkit and in pip wheels (rather than with the driver).</summary>
    public static bool IsToolkitLibrary(CudaLibrary library) => library is CudaLibrary.Nvrtc or CudaLibrary.CublasLt or CudaLibrary.Nccl;

    /// <summary>
    /// Whether a file in a PyTorch <c>torch/lib</c> folder is this library under a hashed name
    /// (<c>libnvrtc-672ee683.so.11.2</c>, <c>libcublasLt-1a2b3c4d.so.12</c>); NVRTC's builtins library is not.
    /// </summary>
    public static bool MatchesHashedName(CudaLibrary library, string fileName) => library switch
    {
        CudaLibrary.Nvrtc => fileName.StartsWith("libnvrtc", StringComparison.Ordinal)
            && !fileName.Contains("builtins", StringComparison.Ordinal)
            && fileName.Contains(".so", StringComparison.Ordinal),
        CudaLibrary.CublasLt => fileName.StartsWith("libcublasLt", StringComparison.Ordinal)
            && fileName.Contains(".so", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>The major version after ".so." (<c>libnvrtc.so.12</c> → 12), or null for an unversioned name.</summary>
    public static int? MajorVersion(string fileName)
    {
        int at = fileName.IndexOf(".so.", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        string rest = fileName[(at + 4)..];
        int end = rest.IndexOf('.', StringComparison.Ordinal);
        string major = end < 0 ? rest : rest[..end];
        return int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out int version) ? version : null;
    }

    private static List<string> Versioned(string baseName, int? maxMajorVersion)
    {
        var names = ToolkitMajorVersions
            .Where(v => maxMajorVersion is not { } max || v <= max)
            .Select(v => string.Create(CultureInfo.InvariantCulture, $"{baseName}.{v}"))
            .ToList();
        names.Add(baseName);
        return names;
    }
}
