using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AiBench.Cli.Composition;
using AiBench.Core.Hosts;
using AiBench.Core.Results;
using AiBench.Core.Units;

namespace AiBench.Cli.Commands;

/// <summary><c>aibench sysinfo [--json]</c>: what AiBench detects on this machine.</summary>
internal static class SysinfoCommand
{
    public static Command Create(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "Print the SystemInfo document as JSON (the run.json 'system' field)" };
        var command = new Command("sysinfo", "Show the detected CPU, memory, OS, GPUs, NICs and block devices") { json };
        command.SetAction(parse =>
        {
            SystemInfo system = Services.DescribeSystem(Services.LoadBaselines(null));
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(system, RunJsonContext.Default.SystemInfo));
                return 0;
            }

            output.WriteLine($"host      {system.Host}");
            output.WriteLine($"os        {system.Os}, kernel {system.Kernel}");
            output.WriteLine($"cpu       {system.Cpu.Model}: {system.Cpu.LogicalCores} logical / {system.Cpu.PhysicalCores} physical cores, {system.Cpu.Sockets} socket(s), LLC {ByteSize.FormatBinary(system.Cpu.LastLevelCacheBytes)}");
            output.WriteLine($"flags     {string.Join(' ', system.Cpu.Flags)}");
            output.WriteLine($"memory    {ByteSize.FormatBinary(system.MemoryBytes)}");
            output.WriteLine(system.Gpus.Count == 0 ? "gpus      none" : "gpus");
            foreach (GpuInfo g in system.Gpus)
            {
                output.WriteLine($"  [{g.Index}] {g.Name} {ByteSize.FormatBinary(g.MemoryBytes)} driver {g.Driver ?? "?"} CUDA {g.CudaVersion ?? "?"} bus {g.PciBusId ?? "?"} PCIe gen {g.PcieGeneration?.ToString(CultureInfo.InvariantCulture) ?? "?"} x{g.PcieWidth?.ToString(CultureInfo.InvariantCulture) ?? "?"} sku {g.Sku ?? "unknown"}");
            }

            output.WriteLine(system.Nics.Count == 0 ? "nics      none" : "nics");
            foreach (NicInfo n in system.Nics)
            {
                string rate = n.RateBitsPerSecond is { } r ? $"{r / 1e9:0.###} Gbit/s" : "rate unknown";
                output.WriteLine($"  {n.Name,-16} {n.LinkLayer,-10} {rate}");
            }

            output.WriteLine(system.BlockDevices.Count == 0 ? "disks     none" : "disks");
            foreach (BlockDeviceInfo d in system.BlockDevices)
            {
                output.WriteLine($"  {d.Name,-10} {d.Model ?? "?",-28} {(d.IsNvme ? "NVMe" : d.IsRotational ? "HDD" : "SSD/other"),-9} {ByteSize.FormatBinary(d.SizeBytes)}");
            }

            return 0;
        });
        return command;
    }
}
