using System.Globalization;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// Where a GPU sits among the host's NUMA nodes, from sysfs: its PCI function's <c>numa_node</c> (-1: the platform
/// does not say) and the CPUs local to it (<c>local_cpulist</c>, the list NVML's ideal CPU affinity comes from; else
/// the node's <c>cpulist</c>). Null CPUs mean there is nothing to bind to.
/// </summary>
internal sealed record GpuLocality(int? NumaNode, IReadOnlyList<int>? Cpus, string Source)
{
    /// <summary>
    /// sysfs' name of a PCI function from CUDA's bus id: <c>0000:3B:00.0</c> and NVML's <c>00000000:3B:00.0</c> both
    /// become <c>0000:3b:00.0</c> (domain at least four hex digits, lower case). Null when it is not a bus id.
    /// </summary>
    public static string? SysfsName(string pciBusId)
    {
        string[] parts = pciBusId.Trim().Split(':');
        if (parts.Length != 3
            || !long.TryParse(parts[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long domain)
            || !int.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int bus))
        {
            return null;
        }

        string[] slot = parts[2].Split('.');
        if (slot.Length != 2
            || !int.TryParse(slot[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int device)
            || !int.TryParse(slot[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int function))
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{domain:x4}:{bus:x2}:{device:x2}.{function:x1}");
    }

    /// <summary>The <c>numa_node</c> file's node, or null for -1 (no NUMA information) and unreadable text.</summary>
    public static int? ParseNumaNode(string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int node) && node >= 0 ? node : null;

    /// <summary>Reads the GPU's locality under <paramref name="sysfsRoot"/> (<c>/sys</c>; a folder of files in tests).</summary>
    public static GpuLocality Read(string pciBusId, string sysfsRoot = "/sys")
    {
        if (SysfsName(pciBusId) is not { } name)
        {
            return new GpuLocality(null, null, $"'{pciBusId}' is not a PCI bus id");
        }

        string device = Path.Combine(sysfsRoot, "bus", "pci", "devices", name);
        int? node = ReadText(Path.Combine(device, "numa_node")) is { } nodeText ? ParseNumaNode(nodeText) : null;
        if (ReadText(Path.Combine(device, "local_cpulist")) is { } local && CpuList.Parse(local) is { Count: > 0 } localCpus)
        {
            return new GpuLocality(node, localCpus, $"{device}/local_cpulist");
        }

        if (node is { } n)
        {
            string nodeList = Path.Combine(sysfsRoot, "devices", "system", "node", $"node{n.ToString(CultureInfo.InvariantCulture)}", "cpulist");
            if (ReadText(nodeList) is { } text && CpuList.Parse(text) is { Count: > 0 } nodeCpus)
            {
                return new GpuLocality(node, nodeCpus, nodeList);
            }
        }

        return new GpuLocality(node, null, $"{device}: no local_cpulist and no NUMA node");
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
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
