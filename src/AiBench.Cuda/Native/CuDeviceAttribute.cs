namespace AiBench.Cuda.Native;

/// <summary><c>CUdevice_attribute</c> values (cuda.h; frozen in the driver ABI).</summary>
internal enum CuDeviceAttribute
{
    MaxThreadsPerBlock = 1,

    /// <summary>Peak SM clock in kHz (deprecated in CUDA 13 headers, still answered by drivers; optional).</summary>
    ClockRate = 13,
    MultiprocessorCount = 16,
    EccEnabled = 32,
    PciBusId = 33,
    PciDeviceId = 34,

    /// <summary>Peak memory clock in kHz (optional, as <see cref="ClockRate"/>).</summary>
    MemoryClockRate = 36,
    GlobalMemoryBusWidth = 37,
    L2CacheSize = 38,
    MaxThreadsPerMultiprocessor = 39,
    AsyncEngineCount = 40,
    PciDomainId = 50,
    ComputeCapabilityMajor = 75,
    ComputeCapabilityMinor = 76,
}
