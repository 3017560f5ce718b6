using AiBench.Cuda.Native;

namespace AiBench.Cuda.SafeHandles;

/// <summary>A cuBLASLt handle from <c>cublasLtCreate</c>, bound to the context current when it was created.</summary>
internal sealed class SafeCublasLtHandle : SafeContextBoundHandle
{
    protected override bool ReleaseInContext() => Interop.CublasLt.cublasLtDestroy(handle) == CublasStatus.Success;
}
