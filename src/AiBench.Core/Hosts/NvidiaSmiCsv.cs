using System.Globalization;
using AiBench.Core.Hosts;

namespace AiBench.Core.Hosts;

/// <summary>Parses <c>nvidia-smi --query-gpu=... --format=csv,noheader,nounits</c> output (fields in <see cref="QueryFields"/>).</summary>
internal static class NvidiaSmiCsv
{
    public const string QueryFields =
        "index,name,uuid,memory.total,driver_version,pci.bus_id,pcie.link.gen.max,pcie.link.width.max";

    public static string Arguments => $"--query-gpu={QueryFields} --format=csv,noheader,nounits";

    /// <summary>One GPU per well-formed line; "[N/A]" and "[Not Supported]" fields become null.</summary>
    public static IReadOnlyList<GpuInfo> Parse(string? csv)
    {
        var gpus = new List<GpuInfo>();
        foreach (string line in (csv ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] f = line.Split(',', StringSplitOptions.TrimEntries);
            if (f.Length < 8 || Integer(f[0]) is not { } index || Text(f[1]) is not { } name)
            {
                continue;
            }

            gpus.Add(new GpuInfo
            {
                Index = index,
                Name = name,
                Uuid = Text(f[2]),
                MemoryBytes = Integer(f[3]) is { } mebibytes ? (long)mebibytes << 20 : 0,
                Driver = Text(f[4]),
                PciBusId = Text(f[5]),
                PcieGeneration = Integer(f[6]),
                PcieWidth = Integer(f[7]),
            });
        }

        return gpus;
    }

    private static string? Text(string field) => field.Length == 0 || field.StartsWith('[') ? null : field;

    private static int? Integer(string field) =>
        int.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
}
