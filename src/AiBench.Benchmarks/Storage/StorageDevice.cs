using AiBench.Core.Hosts;

namespace AiBench.Benchmarks.Storage;

/// <summary>The block device behind a target (from <c>/sys/dev/block/MAJ:MIN</c>): name, model, NVMe, PCIe link.</summary>
internal sealed record StorageDevice(string Name, string? Model, bool IsNvme, bool? IsRotational, string? PcieLink)
{
    public static StorageDevice? Find(uint major, uint minor, SystemInfo system)
    {
        if (major == 0)
        {
            return null; // an anonymous device: overlayfs, tmpfs, NFS, FUSE
        }

        try
        {
            string sys = $"/sys/dev/block/{major}:{minor}";
            if (!Directory.Exists(sys))
            {
                return null;
            }

            string resolved = new DirectoryInfo(sys).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? sys;
            string name = Path.GetFileName(resolved);
            if (File.Exists(Path.Combine(resolved, "partition")))
            {
                name = Path.GetFileName(Path.GetDirectoryName(resolved)) ?? name;
            }

            BlockDeviceInfo? known = system.BlockDevices.FirstOrDefault(d => d.Name == name);
            string block = $"/sys/block/{name}";
            string? model = known?.Model ?? ReadLine($"{block}/device/model");
            bool nvme = name.StartsWith("nvme", StringComparison.Ordinal);
            string? link = null;
            // NVMe namespace -> controller (device) -> PCI function (device/device).
            string? speed = ReadLine($"{block}/device/device/current_link_speed");
            string? width = ReadLine($"{block}/device/device/current_link_width");
            if (speed is not null && width is not null)
            {
                link = $"{speed} x{width}";
            }

            bool? rotational = known?.IsRotational ?? (ReadLine($"{block}/queue/rotational") is { } r ? r == "1" : null);
            return new StorageDevice(name, model, nvme, rotational, link);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadLine(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() is { Length: > 0 } t ? t : null : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
