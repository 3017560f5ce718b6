using System.Globalization;
using AiBench.Core.Hosts;
using AiBench.Core.Results;

namespace AiBench.Reporting.Text;

/// <summary>The header facts of a run, as (label, value) pairs shared by every human-readable report.</summary>
public static class RunText
{
    public static IReadOnlyList<KeyValuePair<string, string>> HeaderItems(Run run)
    {
        var items = new List<KeyValuePair<string, string>>
        {
            new("Run", run.RunId),
            new("Status", EnumText.Of(run.Status)),
            new("Verdict", EnumText.Of(run.Verdict)),
        };
        if (!string.IsNullOrEmpty(run.Suite))
        {
            items.Add(new("Suite", run.Suite));
        }

        items.Add(new("Host", run.System.Host));
        items.Add(new("CPU", Cpu(run.System.Cpu)));
        if (run.System.Gpus.Count > 0)
        {
            items.Add(new("GPU", Gpus(run.System.Gpus)));
        }

        items.Add(new("Tool", Tool(run.Tool)));
        items.Add(new("Started", Timestamp(run.StartedAt)));
        items.Add(new("Duration", Duration(run.FinishedAt - run.StartedAt)));
        if (!string.IsNullOrEmpty(run.CommandLine))
        {
            items.Add(new("Command", run.CommandLine));
        }

        return items;
    }

    public static string Tool(ToolInfo tool) =>
        string.IsNullOrEmpty(tool.Revision) ? $"aibench {tool.Version}" : $"aibench {tool.Version} ({tool.Revision})";

    public static string Cpu(CpuInfo cpu)
    {
        string cores = cpu.PhysicalCores > 0 && cpu.PhysicalCores != cpu.LogicalCores
            ? $"{cpu.PhysicalCores} cores / {cpu.LogicalCores} threads"
            : $"{cpu.LogicalCores} cores";
        return cpu.Sockets > 1 ? $"{cpu.Model}, {cpu.Sockets} sockets, {cores}" : $"{cpu.Model}, {cores}";
    }

    /// <summary><c>8 × NVIDIA H100 80GB HBM3 (h100-sxm5-80gb, driver 550.54.15)</c>, one entry per distinct model.</summary>
    public static string Gpus(IReadOnlyList<GpuInfo> gpus) =>
        string.Join("; ", gpus
            .GroupBy(g => (g.Name, g.Sku, g.Driver))
            .Select(g =>
            {
                var extra = new[] { g.Key.Sku, g.Key.Driver is null ? null : "driver " + g.Key.Driver }.Where(s => s is not null);
                string suffix = string.Join(", ", extra);
                return $"{g.Count()} × {g.Key.Name}" + (suffix.Length > 0 ? $" ({suffix})" : string.Empty);
            }));

    /// <summary>ISO 8601 in UTC, to the second.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        var c = CultureInfo.InvariantCulture;
        return duration.TotalHours >= 1 ? string.Create(c, $"{(int)duration.TotalHours}:{duration.Minutes:00}:{duration.Seconds:00}")
            : duration.TotalMinutes >= 1 ? string.Create(c, $"{duration.Minutes}:{duration.Seconds:00}")
            : string.Create(c, $"{duration.TotalSeconds:0.0} s");
    }

    /// <summary>Bytes with binary prefixes, for memory and disk sizes.</summary>
    public static string Bytes(long bytes) => bytes > 0 ? Core.Units.ByteSize.FormatBinary(bytes) : "—";
}
