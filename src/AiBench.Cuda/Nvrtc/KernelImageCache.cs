using System.Collections.Concurrent;

namespace AiBench.Cuda;

/// <summary>
/// Compiles each embedded source once per process and architecture (NVRTC takes a few hundred milliseconds per
/// source); every context then loads the cached image with <see cref="LoadModule"/>.
/// </summary>
public static class KernelImageCache
{
    private static readonly ConcurrentDictionary<(string Source, ComputeCapability Capability), Lazy<CompiledKernelImage>> Images = new();

    public static CompiledKernelImage Get(string sourceFile, ComputeCapability capability) =>
        Images.GetOrAdd((sourceFile, capability), key => new Lazy<CompiledKernelImage>(
            () => NvrtcCompiler.Compile(KernelSources.Read(key.Source), key.Source, key.Capability, KernelSources.Headers()))).Value;

    /// <summary>Compiles (or reuses) <paramref name="sourceFile"/> for the context's device and loads it there.</summary>
    public static CudaModule LoadModule(CudaContext context, string sourceFile) =>
        CudaModule.Load(context, Get(sourceFile, context.Device.ComputeCapability).Image);
}
