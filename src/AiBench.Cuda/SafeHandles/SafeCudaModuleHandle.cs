using AiBench.Cuda.Native;

namespace AiBench.Cuda.SafeHandles;

/// <summary>A module from <c>cuModuleLoadData</c>; its functions are valid while it is loaded.</summary>
internal sealed class SafeCudaModuleHandle : SafeContextBoundHandle
{
    protected override bool ReleaseInContext() => Interop.Cuda.cuModuleUnload(handle) == CuResult.Success;
}
