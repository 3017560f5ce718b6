namespace AiBench.Cuda;

/// <summary>What the driver (and, where noted, NVML) reports about one device.</summary>
public sealed record CudaDeviceInfo
{
    public required int Ordinal { get; init; }

    public required string Name { get; init; }

    /// <summary>As nvidia-smi prints it: <c>GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>.</summary>
    public string? Uuid { get; init; }

    public required ComputeCapability ComputeCapability { get; init; }

    public required int MultiprocessorCount { get; init; }

    public required long TotalMemoryBytes { get; init; }

    public required long L2CacheBytes { get; init; }

    public required int MaxThreadsPerMultiprocessor { get; init; }

    public int MemoryBusWidthBits { get; init; }

    /// <summary>Peak SM clock, kHz; null where the driver no longer answers (CUDA 13 deprecates it).</summary>
    public int? ClockRateKHz { get; init; }

    /// <summary>Peak memory clock, kHz; null where the driver no longer answers.</summary>
    public int? MemoryClockRateKHz { get; init; }

    public int AsyncEngineCount { get; init; }

    public bool EccEnabled { get; init; }

    /// <summary><c>domain:bus:device.function</c>, e.g. <c>0000:1B:00.0</c>.</summary>
    public required string PciBusId { get; init; }

    /// <summary>From NVML; null when NVML is unavailable.</summary>
    public PcieLink? Pcie { get; init; }

    /// <summary>
    /// DRAM bandwidth implied by the memory clock and bus width: clock × 2 (double data rate) × bus width / 8
    /// (H100 SXM: 2.619 GHz × 2 × 5120 / 8 = 3.35 TB/s); null when the clock is unknown.
    /// </summary>
    public double? TheoreticalMemoryBandwidth =>
        MemoryClockRateKHz is { } khz && MemoryBusWidthBits > 0 ? khz * 1e3 * 2 * MemoryBusWidthBits / 8 : null;
}
