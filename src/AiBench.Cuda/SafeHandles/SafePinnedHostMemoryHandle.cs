using AiBench.Cuda.Native;

namespace AiBench.Cuda.SafeHandles;

/// <summary>Page-locked host memory from <c>cuMemAllocHost_v2</c>.</summary>
internal sealed class SafePinnedHostMemoryHandle : SafeContextBoundHandle
{
    protected override bool ReleaseInContext() => Interop.Cuda.cuMemFreeHost(handle) == CuResult.Success;
}
