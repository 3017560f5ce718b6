using AiBench.Core.Hosts;

namespace AiBench.Core.Hosts;

/// <summary>
/// Describes the machine a run happens on, from procfs and sysfs (and nvidia-smi when present). Every part is
/// best effort: what cannot be read stays unknown (empty, 0 or "unknown"); collecting never throws.
/// </summary>
public static class SystemInfoCollector
{
    /// <summary>Describes this machine.</summary>
    public static SystemInfo Collect() => Collect("/", GpuDevices.QueryNvidiaSmi);

    /// <summary>Describes the machine whose <c>/proc</c>, <c>/sys</c> and <c>/etc</c> lie under <paramref name="rootDirectory"/>.</summary>
    internal static SystemInfo Collect(string rootDirectory, Func<string?> queryNvidiaSmi)
    {
        var files = new HostFiles(rootDirectory);
        return new SystemInfo
        {
            Host = Tolerant(() => files.ReadLine("/proc/sys/kernel/hostname"), null) ?? MachineName(),
            MachineId = Tolerant(() => files.ReadLine("/etc/machine-id") ?? files.ReadLine("/var/lib/dbus/machine-id"), null),
            Cpu = Tolerant(() => ReadCpu(files), new CpuInfo { Model = "unknown", LogicalCores = Environment.ProcessorCount }),
            MemoryBytes = Tolerant(() => HostTextParsers.ParseMemTotal(files.ReadText("/proc/meminfo")), 0),
            Os = Tolerant(
                () => HostTextParsers.ParsePrettyName(files.ReadText("/etc/os-release") ?? files.ReadText("/usr/lib/os-release")),
                null) ?? "unknown",
            Kernel = Tolerant(() => files.ReadLine("/proc/sys/kernel/osrelease"), null) ?? "unknown",
            Gpus = Tolerant(() => GpuDevices.Read(files, queryNvidiaSmi), []),
            Nics = Tolerant(() => NetworkInterfaces.Read(files), []),
            BlockDevices = Tolerant(() => BlockDevices.Read(files), []),
        };
    }

    private static CpuInfo ReadCpu(HostFiles files)
    {
        CpuInfoSummary cpu = CpuInfoParser.Parse(files.ReadText("/proc/cpuinfo") ?? string.Empty);
        CacheSummary caches = CpuCaches.Read(files);
        return new CpuInfo
        {
            Model = cpu.Model ?? "unknown",
            // cpuinfo lists every processor of the machine; the runtime's count is the fallback (it may be a container's share).
            LogicalCores = cpu.LogicalCores > 0 ? cpu.LogicalCores : Environment.ProcessorCount,
            PhysicalCores = cpu.PhysicalCores,
            Sockets = cpu.Sockets,
            Flags = cpu.Flags,
            L2CacheBytes = caches.L2Bytes,
            LastLevelCacheBytes = caches.LastLevelBytes,
        };
    }

    private static string MachineName()
    {
        try
        {
            return Environment.MachineName;
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }

    /// <summary>
    /// The last line of defence behind the tolerant readers: a description with one unknown field beats a run that
    /// cannot start because the kernel exposed a file in an unexpected shape.
    /// </summary>
    private static T Tolerant<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return fallback;
        }
    }
}
