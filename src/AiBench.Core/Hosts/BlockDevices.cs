using AiBench.Core.Hosts;

namespace AiBench.Core.Hosts;

/// <summary>Block devices from <c>/sys/block</c>: model, NVMe or not, rotational, size.</summary>
internal static class BlockDevices
{
    /// <summary>Memory-backed and loop devices: not storage hardware.</summary>
    private static readonly string[] SkippedPrefixes = ["loop", "ram", "zram"];

    public static IReadOnlyList<BlockDeviceInfo> Read(HostFiles files)
    {
        var devices = new List<BlockDeviceInfo>();
        foreach (string name in files.ListNames("/sys/block"))
        {
            if (SkippedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            string dir = $"/sys/block/{name}";
            // "size" counts 512-byte sectors whatever the device's logical block size. Zero means no medium
            // (an empty card reader, an unattached nbd): nothing to benchmark.
            long sectors = files.ReadInt64($"{dir}/size") ?? 0;
            if (sectors <= 0)
            {
                continue;
            }

            devices.Add(new BlockDeviceInfo
            {
                Name = name,
                Model = files.ReadLine($"{dir}/device/model"),
                IsNvme = name.StartsWith("nvme", StringComparison.Ordinal),
                IsRotational = files.ReadLine($"{dir}/queue/rotational") == "1",
                SizeBytes = sectors * 512,
            });
        }

        return devices;
    }
}
