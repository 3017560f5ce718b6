using System.Runtime.InteropServices;
using AiBench.Cuda.Native;

namespace AiBench.Cuda.SafeHandles;

/// <summary>
/// Base of every handle that lives inside a CUDA context (memory, streams, events, modules, the cuBLASLt handle).
/// It holds a reference on its <see cref="SafeCudaContextHandle"/> so the context outlives it, and releases the native
/// object with that context pushed as current — correct even from the finalizer thread.
/// </summary>
internal abstract class SafeContextBoundHandle : SafeHandle
{
    private SafeCudaContextHandle? _context;

    protected SafeContextBoundHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Takes ownership of a freshly created native object of <paramref name="context"/>.</summary>
    internal void Attach(SafeCudaContextHandle context, nint value)
    {
        bool added = false;
        context.DangerousAddRef(ref added);
        _context = context;
        SetHandle(value);
    }

    protected sealed override bool ReleaseHandle()
    {
        SafeCudaContextHandle? context = _context;
        if (context is null)
        {
            return ReleaseInContext();
        }

        bool released = false;
        if (Interop.Cuda.cuCtxPushCurrent_v2(context.DangerousGetHandle()) == CuResult.Success)
        {
            released = ReleaseInContext();
            Interop.Cuda.cuCtxPopCurrent_v2(out _);
        }

        context.DangerousRelease();
        return released;
    }

    /// <summary>Frees the native object; the owning context is current.</summary>
    protected abstract bool ReleaseInContext();
}
