using AiBench.Cuda.Native;

namespace AiBench.Cuda.SafeHandles;

/// <summary>A stream from <c>cuStreamCreate</c>.</summary>
internal sealed class SafeCudaStreamHandle : SafeContextBoundHandle
{
    protected override bool ReleaseInContext() => Interop.Cuda.cuStreamDestroy_v2(handle) == CuResult.Success;
}
