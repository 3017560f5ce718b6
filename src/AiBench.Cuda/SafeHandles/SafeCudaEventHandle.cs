using AiBench.Cuda.Native;

namespace AiBench.Cuda.SafeHandles;

/// <summary>An event from <c>cuEventCreate</c>.</summary>
internal sealed class SafeCudaEventHandle : SafeContextBoundHandle
{
    protected override bool ReleaseInContext() => Interop.Cuda.cuEventDestroy_v2(handle) == CuResult.Success;
}
