using AiBench.Core.Hosts;

namespace AiBench.Core.Hosts;

/// <summary>
/// NVIDIA GPUs: nvidia-smi's richer answer (memory, PCIe link) when it exists and answers in time, else the kernel
/// driver's proc files; no GPUs (and no error) on a machine without the driver.
/// </summary>
internal static class GpuDevices
{
    public static readonly TimeSpan NvidiaSmiTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Runs nvidia-smi on this machine; null when it is missing, fails or times out.</summary>
    public static string? QueryNvidiaSmi() => ProcessOutput.TryRun("nvidia-smi", NvidiaSmiCsv.Arguments, NvidiaSmiTimeout);

    public static IReadOnlyList<GpuInfo> Read(HostFiles files, Func<string?> queryNvidiaSmi)
    {
        // No driver, no GPUs to ask about: skip starting a process.
        bool hasDriver = files.IsDirectory("/proc/driver/nvidia");
        IReadOnlyList<GpuInfo> fromSmi = hasDriver ? NvidiaSmiCsv.Parse(queryNvidiaSmi()) : [];
        return fromSmi.Count > 0 ? fromSmi : NvidiaProcFiles.Read(files);
    }
}
