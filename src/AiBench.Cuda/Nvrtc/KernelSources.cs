namespace AiBench.Cuda;

/// <summary>
/// The CUDA C++ sources of native/cuda, embedded in this assembly as <c>AiBench.Cuda.Kernels.&lt;file&gt;</c>.
/// Headers (<c>.cuh</c>) are handed to NVRTC in memory, so <c>#include "common.cuh"</c> works without a toolkit.
/// </summary>
public static class KernelSources
{
    public const string ResourcePrefix = "AiBench.Cuda.Kernels.";

    /// <summary>Every embedded source and header, by file name.</summary>
    public static IReadOnlyList<string> FileNames { get; } = typeof(KernelSources).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(name => name[ResourcePrefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    public static string Read(string fileName)
    {
        using Stream stream = typeof(KernelSources).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new FileNotFoundException($"no embedded kernel source '{fileName}' (have: {string.Join(", ", FileNames)})");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>All embedded headers (<c>*.cuh</c>), for <see cref="NvrtcCompiler.Compile"/>.</summary>
    public static IReadOnlyList<KernelHeader> Headers() =>
        FileNames.Where(name => name.EndsWith(".cuh", StringComparison.Ordinal)).Select(name => new KernelHeader(name, Read(name))).ToList();
}
