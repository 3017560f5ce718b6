using System.Text.RegularExpressions;
using AiBench.Core.Hosts;

namespace AiBench.Core.Hosts;

/// <summary>
/// The NVIDIA kernel driver's own description of its GPUs, <c>/proc/driver/nvidia/gpus/*/information</c>, readable
/// without nvidia-smi (containers without the user-space tools, a hung nvidia-smi).
/// </summary>
internal static partial class NvidiaProcFiles
{
    public static IReadOnlyList<GpuInfo> Read(HostFiles files)
    {
        string? driver = ParseDriverVersion(files.ReadText("/proc/driver/nvidia/version"));
        var gpus = new List<GpuInfo>();
        // Folders are named by PCI bus id; in bus order they follow nvidia-smi's default numbering.
        foreach (string busId in files.ListNames("/proc/driver/nvidia/gpus"))
        {
            if (ParseInformation(files.ReadText($"/proc/driver/nvidia/gpus/{busId}/information"), gpus.Count, driver) is { } gpu)
            {
                gpus.Add(gpu);
            }
        }

        return gpus;
    }

    /// <summary>Parses one <c>information</c> file ("Model: \t NVIDIA H100 80GB HBM3", "GPU UUID: ...", "Bus Location: ...").</summary>
    public static GpuInfo? ParseInformation(string? text, int index, string? driver)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in (text ?? string.Empty).Split('\n'))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        if (!fields.TryGetValue("Model", out string? model) || model.Length == 0)
        {
            return null;
        }

        return new GpuInfo
        {
            Index = index,
            Name = model,
            Uuid = fields.GetValueOrDefault("GPU UUID") is { Length: > 0 } uuid && !uuid.StartsWith("GPU-????", StringComparison.Ordinal) ? uuid : null,
            PciBusId = fields.GetValueOrDefault("Bus Location"),
            Driver = driver,
        };
    }

    /// <summary>The version in <c>/proc/driver/nvidia/version</c> ("NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  ...").</summary>
    public static string? ParseDriverVersion(string? text)
    {
        string firstLine = (text ?? string.Empty).Split('\n')[0];
        Match match = DriverVersion().Match(firstLine);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"Module(?:\s+for\s+\S+)?\s+(\d+\.\d+(?:\.\d+)?)")]
    private static partial Regex DriverVersion();
}
