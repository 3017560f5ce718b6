using AiBench.Cuda.Native;

namespace AiBench.Cuda.SafeHandles;

/// <summary>Device memory from <c>cuMemAlloc_v2</c> (a <c>CUdeviceptr</c>, 64-bit).</summary>
internal sealed class SafeDeviceMemoryHandle : SafeContextBoundHandle
{
    public ulong DevicePointer => (ulong)handle;

    protected override bool ReleaseInContext() => Interop.Cuda.cuMemFree_v2((ulong)handle) == CuResult.Success;
}
