namespace AiBench.Core.Hosts;

/// <summary>The machine a run happened on. Collected by <c>SystemInfoCollector</c> (Benchmarks); Core only models it.</summary>
public sealed record SystemInfo
{
    public required string Host { get; init; }

    /// <summary>
    /// The systemd machine id (<c>/etc/machine-id</c>, else <c>/var/lib/dbus/machine-id</c>); null where neither
    /// exists. Tells apart machines that share a host name (containers, cloned VMs) in a merge or a cluster run.
    /// </summary>
    public string? MachineId { get; init; }

    public required CpuInfo Cpu { get; init; }

    public long MemoryBytes { get; init; }

    public string Os { get; init; } = "unknown";

    public string Kernel { get; init; } = "unknown";

    public IReadOnlyList<GpuInfo> Gpus { get; init; } = [];

    public IReadOnlyList<NicInfo> Nics { get; init; } = [];

    public IReadOnlyList<BlockDeviceInfo> BlockDevices { get; init; } = [];

    /// <summary>A minimal description for tests and for readers that lack the field.</summary>
    public static SystemInfo Unknown { get; } = new() { Host = "unknown", Cpu = new CpuInfo { Model = "unknown", LogicalCores = 1 } };
}

public sealed record CpuInfo
{
    public required string Model { get; init; }

    public required int LogicalCores { get; init; }

    public int PhysicalCores { get; init; }

    public int Sockets { get; init; }

    /// <summary>Instruction-set flags that matter for kernels (avx2, avx512f, ...).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    public long L2CacheBytes { get; init; }

    /// <summary>Last-level cache, all instances together (sizes arrays to be larger than it).</summary>
    public long LastLevelCacheBytes { get; init; }
}

public sealed record GpuInfo
{
    public required int Index { get; init; }

    public required string Name { get; init; }

    public string? Uuid { get; init; }

    public long MemoryBytes { get; init; }

    public string? Driver { get; init; }

    public string? CudaVersion { get; init; }

    public string? PciBusId { get; init; }

    public int? PcieGeneration { get; init; }

    public int? PcieWidth { get; init; }

    /// <summary>The vendor baseline SKU id this device matched (<c>h100-sxm5-80gb</c>), if any.</summary>
    public string? Sku { get; init; }
}

public sealed record NicInfo
{
    public required string Name { get; init; }

    /// <summary><c>InfiniBand</c>, <c>RoCE</c> or <c>Ethernet</c>.</summary>
    public required string LinkLayer { get; init; }

    /// <summary>Line rate in bits per second, or null when the link is down or reports none.</summary>
    public double? RateBitsPerSecond { get; init; }

    /// <summary>Where the rate came from (the sysfs path).</summary>
    public string? Source { get; init; }
}

public sealed record BlockDeviceInfo
{
    public required string Name { get; init; }

    public string? Model { get; init; }

    public bool IsNvme { get; init; }

    public bool IsRotational { get; init; }

    public long SizeBytes { get; init; }
}
