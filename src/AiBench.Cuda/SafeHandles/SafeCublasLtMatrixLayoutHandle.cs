using System.Runtime.InteropServices;
using AiBench.Cuda.Native;

namespace AiBench.Cuda.SafeHandles;

/// <summary>A matrix layout descriptor (<c>cublasLtMatrixLayout_t</c>), host memory only.</summary>
internal sealed class SafeCublasLtMatrixLayoutHandle : SafeHandle
{
    public SafeCublasLtMatrixLayoutHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => Interop.CublasLt.cublasLtMatrixLayoutDestroy(handle) == CublasStatus.Success;
}
