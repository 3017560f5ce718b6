using AiBench.Cuda.SafeHandles;

namespace AiBench.Cuda;

/// <summary>A CUDA stream. Non-blocking by default: it does not synchronise with the legacy default stream.</summary>
public sealed class CudaStream : IDisposable
{
    /// <summary>CU_STREAM_NON_BLOCKING.</summary>
    private const uint NonBlocking = 0x1;

    private CudaStream(SafeCudaStreamHandle handle) => Handle = handle;

    internal SafeCudaStreamHandle Handle { get; }

    public static CudaStream Create(CudaContext context, bool nonBlocking = true)
    {
        CudaException.ThrowIfFailed(Interop.Cuda.cuStreamCreate(out nint stream, nonBlocking ? NonBlocking : 0));
        var handle = new SafeCudaStreamHandle();
        handle.Attach(context.Handle, stream);
        return new CudaStream(handle);
    }

    public void Synchronize() => CudaException.ThrowIfFailed(Interop.Cuda.cuStreamSynchronize(Handle));

    /// <summary>Makes later work on this stream wait for <paramref name="cudaEvent"/>'s last recorded point.</summary>
    public void Wait(CudaEvent cudaEvent) => CudaException.ThrowIfFailed(Interop.Cuda.cuStreamWaitEvent(Handle, cudaEvent.Handle, 0));

    public void Dispose() => Handle.Dispose();
}
