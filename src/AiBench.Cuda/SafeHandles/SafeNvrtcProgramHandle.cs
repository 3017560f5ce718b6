using System.Runtime.InteropServices;
using AiBench.Cuda.Native;

namespace AiBench.Cuda.SafeHandles;

/// <summary>An NVRTC program; <c>nvrtcDestroyProgram</c> takes a pointer to the handle.</summary>
internal sealed class SafeNvrtcProgramHandle : SafeHandle
{
    public SafeNvrtcProgramHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    internal SafeNvrtcProgramHandle(nint program) : this() => SetHandle(program);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        nint program = handle;
        return Interop.Nvrtc.nvrtcDestroyProgram(ref program) == NvrtcResult.Success;
    }
}
