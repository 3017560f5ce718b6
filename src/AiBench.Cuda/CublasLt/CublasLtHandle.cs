using AiBench.Cuda.SafeHandles;

namespace AiBench.Cuda;

/// <summary>A cuBLASLt library handle, created in (and bound to) a context.</summary>
public sealed class CublasLtHandle : IDisposable
{
    private CublasLtHandle(SafeCublasLtHandle handle) => Handle = handle;

    internal SafeCublasLtHandle Handle { get; }

    public static CublasLtHandle Create(CudaContext context)
    {
        context.MakeCurrent();
        CudaException.ThrowIfFailed(Interop.CublasLt.cublasLtCreate(out nint handle));
        var safe = new SafeCublasLtHandle();
        safe.Attach(context.Handle, handle);
        return new CublasLtHandle(safe);
    }

    public void Dispose() => Handle.Dispose();
}
