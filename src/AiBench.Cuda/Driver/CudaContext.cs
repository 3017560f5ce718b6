using System.Collections.Concurrent;
using AiBench.Cuda.SafeHandles;

namespace AiBench.Cuda;

/// <summary>
/// A device's primary context — the context the CUDA runtime, and so cuBLASLt and PyTorch, use. It is retained once
/// per process and device and kept until the process ends, as the CUDA runtime itself does: the runtime inside
/// cuBLASLt keeps per-context state (its loaded kernels), so destroying the primary context between cases and
/// creating it again underneath it is unsafe. Disposing a <see cref="CudaContext"/> therefore releases nothing;
/// everything created in it (memory, streams, modules) is freed by its own handle. A context is current per thread:
/// <see cref="Create"/> makes it current on the calling thread, <see cref="MakeCurrent"/> on any other.
/// </summary>
public sealed class CudaContext : IDisposable
{
    private static readonly ConcurrentDictionary<int, Lazy<SafeCudaContextHandle>> PrimaryContexts = new();

    private CudaContext(SafeCudaContextHandle handle, CudaDeviceInfo device)
    {
        Handle = handle;
        Device = device;
    }

    public CudaDeviceInfo Device { get; }

    internal SafeCudaContextHandle Handle { get; }

    /// <summary>Device <paramref name="ordinal"/>'s primary context, current on this thread.</summary>
    public static CudaContext Create(int ordinal)
    {
        CudaDeviceInfo info = CudaDriver.GetDevice(ordinal);
        SafeCudaContextHandle handle = PrimaryContexts.GetOrAdd(ordinal, o => new Lazy<SafeCudaContextHandle>(() => Retain(o))).Value;
        CudaException.ThrowIfFailed(Interop.Cuda.cuCtxSetCurrent(handle));
        return new CudaContext(handle, info);
    }

    /// <summary>Binds the context to the calling thread.</summary>
    public void MakeCurrent() => CudaException.ThrowIfFailed(Interop.Cuda.cuCtxSetCurrent(Handle));

    /// <summary>Waits for all work of the context; surfaces asynchronous errors.</summary>
    public void Synchronize() => CudaException.ThrowIfFailed(Interop.Cuda.cuCtxSynchronize());

    public DeviceMemoryInfo GetMemoryInfo()
    {
        CudaException.ThrowIfFailed(Interop.Cuda.cuMemGetInfo_v2(out nuint free, out nuint total));
        return new DeviceMemoryInfo((long)free, (long)total);
    }

    /// <summary>Releases nothing: the primary context stays retained for the process (see the class remarks).</summary>
    public void Dispose()
    {
    }

    private static SafeCudaContextHandle Retain(int ordinal)
    {
        CudaException.ThrowIfFailed(Interop.Cuda.cuDeviceGet(out int device, ordinal));
        CudaException.ThrowIfFailed(Interop.Cuda.cuDevicePrimaryCtxRetain(out nint context, device));
        return new SafeCudaContextHandle(context, device);
    }
}
