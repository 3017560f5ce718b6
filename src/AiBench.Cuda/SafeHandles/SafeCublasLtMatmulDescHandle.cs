using System.Runtime.InteropServices;
using AiBench.Cuda.Native;

namespace AiBench.Cuda.SafeHandles;

/// <summary>A matmul operation descriptor (<c>cublasLtMatmulDesc_t</c>), host memory only.</summary>
internal sealed class SafeCublasLtMatmulDescHandle : SafeHandle
{
    public SafeCublasLtMatmulDescHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => Interop.CublasLt.cublasLtMatmulDescDestroy(handle) == CublasStatus.Success;
}
