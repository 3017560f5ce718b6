using AiBench.Cuda.SafeHandles;

namespace AiBench.Cuda;

/// <summary>A CUDA event with timing enabled: the clock for everything timed on the GPU (resolution ~0.5 µs).</summary>
public sealed class CudaEvent : IDisposable
{
    private CudaEvent(SafeCudaEventHandle handle) => Handle = handle;

    internal SafeCudaEventHandle Handle { get; }

    public static CudaEvent Create(CudaContext context)
    {
        CudaException.ThrowIfFailed(Interop.Cuda.cuEventCreate(out nint cudaEvent, 0));
        var handle = new SafeCudaEventHandle();
        handle.Attach(context.Handle, cudaEvent);
        return new CudaEvent(handle);
    }

    public void Record(CudaStream stream) => CudaException.ThrowIfFailed(Interop.Cuda.cuEventRecord(Handle, stream.Handle));

    /// <summary>Waits until the work before the last <see cref="Record"/> has finished.</summary>
    public void Synchronize() => CudaException.ThrowIfFailed(Interop.Cuda.cuEventSynchronize(Handle));

    /// <summary>Seconds between two recorded (and completed) events.</summary>
    public static double ElapsedSeconds(CudaEvent start, CudaEvent end)
    {
        CudaException.ThrowIfFailed(Interop.Cuda.cuEventElapsedTime(out float milliseconds, start.Handle, end.Handle));
        return milliseconds / 1e3;
    }

    public void Dispose() => Handle.Dispose();
}
