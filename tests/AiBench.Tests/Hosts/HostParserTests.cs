using AiBench.Core.Hosts;
using Xunit;

namespace AiBench.Tests.Hosts;

public class HostParserTests
{
    [Theory]
    [InlineData("400 Gb/sec (4X NDR)", 400e9)]
    [InlineData("200 Gb/sec (4X HDR)", 200e9)]
    [InlineData("2.5 Gb/sec (1X SDR)", 2.5e9)]
    [InlineData("25 Gb/sec (1X EDR)\n", 25e9)]
    [InlineData("1.6 Tb/sec (8X XDR)", 1.6e12)]
    public void Infiniband_rates_are_bits_per_second(string text, double expected) =>
        Assert.Equal(expected, InfinibandRate.ParseBitsPerSecond(text)!.Value, 6);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fast")]
    [InlineData("-1 Gb/sec")]
    [InlineData("100 furlongs/sec")]
    public void Unreadable_infiniband_rates_are_null(string? text) => Assert.Null(InfinibandRate.ParseBitsPerSecond(text));

    [Theory]
    [InlineData("48K", 48L << 10)]
    [InlineData("2048K", 2048L << 10)]
    [InlineData("32M", 32L << 20)]
    [InlineData("1024", 1024L)]
    public void Cache_sizes_parse(string text, long expected) => Assert.Equal(expected, CpuCaches.ParseSize(text));

    [Fact]
    public void Last_level_cache_is_summed_over_distinct_instances_and_l2_is_per_instance()
    {
        CacheEntry[] entries =
        [
            new(1, "Data", 48 << 10, "0"), new(1, "Instruction", 32 << 10, "0"), new(2, "Unified", 2 << 20, "0"), new(3, "Unified", 32 << 20, "0-1"),
            new(1, "Data", 48 << 10, "1"), new(1, "Instruction", 32 << 10, "1"), new(2, "Unified", 2 << 20, "1"), new(3, "Unified", 32 << 20, "0-1"),
            new(2, "Unified", 2 << 20, "2"), new(3, "Unified", 32 << 20, "2-3"),
            new(2, "Unified", 2 << 20, "3"), new(3, "Unified", 32 << 20, "2-3"),
        ];
        CacheSummary summary = CpuCaches.Summarise(entries);
        Assert.Equal(2L << 20, summary.L2Bytes);
        Assert.Equal(64L << 20, summary.LastLevelBytes);
    }

    [Fact]
    public void Meminfo_and_os_release_parse()
    {
        Assert.Equal(24731708L * 1024, HostTextParsers.ParseMemTotal("MemTotal:       24731708 kB\nMemFree:        23305940 kB\n"));
        Assert.Equal(0, HostTextParsers.ParseMemTotal("nothing here"));
        Assert.Equal("Debian GNU/Linux 12 (bookworm)", HostTextParsers.ParsePrettyName("NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"));
        Assert.Equal("Plain", HostTextParsers.ParsePrettyName("PRETTY_NAME=Plain"));
        Assert.Null(HostTextParsers.ParsePrettyName(null));
    }

    [Fact]
    public void Nvidia_smi_csv_gives_gpus_with_unknown_fields_as_null()
    {
        const string csv =
            "0, NVIDIA H100 80GB HBM3, GPU-8f6f1c5e-0000-1111-2222-333344445555, 81559, 535.104.05, 00000000:18:00.0, 5, 16\n"
            + "1, NVIDIA H100 80GB HBM3, GPU-aaaaaaaa-0000-1111-2222-333344445555, 81559, 535.104.05, 00000000:2A:00.0, [N/A], [Not Supported]\n"
            + "not a gpu line\n";
        var gpus = NvidiaSmiCsv.Parse(csv);
        Assert.Equal(2, gpus.Count);
        Assert.Equal(0, gpus[0].Index);
        Assert.Equal("NVIDIA H100 80GB HBM3", gpus[0].Name);
        Assert.Equal("GPU-8f6f1c5e-0000-1111-2222-333344445555", gpus[0].Uuid);
        Assert.Equal(81559L << 20, gpus[0].MemoryBytes);
        Assert.Equal("535.104.05", gpus[0].Driver);
        Assert.Equal("00000000:18:00.0", gpus[0].PciBusId);
        Assert.Equal(5, gpus[0].PcieGeneration);
        Assert.Equal(16, gpus[0].PcieWidth);
        Assert.Null(gpus[1].PcieGeneration);
        Assert.Null(gpus[1].PcieWidth);
        Assert.Empty(NvidiaSmiCsv.Parse(null));
    }

    [Theory]
    [InlineData("NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  Sat Aug 19 01:15:15 UTC 2023\nGCC version: gcc 12", "535.104.05")]
    [InlineData("NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  550.54.15  Release Build  (dvs-builder@U16)", "550.54.15")]
    [InlineData("something else", null)]
    public void Nvidia_driver_version_parses_from_proc(string text, string? expected) =>
        Assert.Equal(expected, NvidiaProcFiles.ParseDriverVersion(text));
}
