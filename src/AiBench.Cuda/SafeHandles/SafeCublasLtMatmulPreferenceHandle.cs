using System.Runtime.InteropServices;
using AiBench.Cuda.Native;

namespace AiBench.Cuda.SafeHandles;

/// <summary>A heuristic search preference (<c>cublasLtMatmulPreference_t</c>), host memory only.</summary>
internal sealed class SafeCublasLtMatmulPreferenceHandle : SafeHandle
{
    public SafeCublasLtMatmulPreferenceHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => Interop.CublasLt.cublasLtMatmulPreferenceDestroy(handle) == CublasStatus.Success;
}
