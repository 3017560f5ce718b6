using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>stream.cu, compiled by NVRTC for the device and loaded in the session's context.</summary>
internal sealed class StreamModule : IDisposable
{
    /// <summary>Threads per block; stream_read's reduction is written for exactly this many.</summary>
    public const int BlockSize = 256;

    private readonly CudaModule _module;

    private StreamModule(CudaModule module) => _module = module;

    public static StreamModule Load(GpuSession session) => new(KernelImageCache.LoadModule(session.Context, "stream.cu"));

    public CudaKernel Kernel(string name) => _module.GetKernel(name);

    public static string KernelName(GpuMemoryTest test) => test switch
    {
        GpuMemoryTest.Copy => "stream_copy",
        GpuMemoryTest.Scale => "stream_scale",
        GpuMemoryTest.Add => "stream_add",
        GpuMemoryTest.Triad => "stream_triad",
        GpuMemoryTest.Read => "stream_read",
        _ => throw new ArgumentOutOfRangeException(nameof(test), test, "not a STREAM kernel"),
    };

    public void Dispose() => _module.Dispose();
}
