using System.Runtime.InteropServices;
using AiBench.Cuda.Native;

namespace AiBench.Cuda.SafeHandles;

/// <summary>
/// A retained reference to a device's primary context. Releasing it calls <c>cuDevicePrimaryCtxRelease_v2</c>, which
/// takes the device, not the context. Handles created inside the context add a reference to this one
/// (<see cref="SafeContextBoundHandle"/>), so the context is released only after the last of them.
/// </summary>
internal sealed class SafeCudaContextHandle : SafeHandle
{
    public SafeCudaContextHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    internal SafeCudaContextHandle(nint context, int device) : this()
    {
        Device = device;
        SetHandle(context);
    }

    public int Device { get; }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => Interop.Cuda.cuDevicePrimaryCtxRelease_v2(Device) == CuResult.Success;
}
