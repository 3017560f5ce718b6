using AiBench.Core.Hosts;
using Xunit;

namespace AiBench.Tests.Hosts;

public class SystemInfoCollectorTests
{
    private const string GpuInformation =
        "Model: \t\t NVIDIA H100 80GB HBM3\nIRQ:   \t\t 140\nGPU UUID: \t GPU-8f6f1c5e-0000-1111-2222-333344445555\n"
        + "Video BIOS: \t 96.00.74.00.01\nBus Type: \t PCIe\nDMA Size: \t 52 bits\nBus Location: \t 0000:18:00.0\n";

    private static FakeHostTree MachineWithInfinibandNicAndNvme() =>
        new FakeHostTree()
            .File("/proc/sys/kernel/hostname", "node17\n")
            .File("/proc/sys/kernel/osrelease", "6.1.0-18-amd64\n")
            .File("/etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n")
            .File("/proc/meminfo", "MemTotal:       2097152 kB\n")
            .File("/proc/cpuinfo", CpuInfoParserTests.TwoSocketCpuInfo())
            .File("/sys/devices/system/cpu/cpu0/cache/index0/level", "1\n")
            .File("/sys/devices/system/cpu/cpu0/cache/index0/type", "Data\n")
            .File("/sys/devices/system/cpu/cpu0/cache/index0/size", "48K\n")
            .File("/sys/devices/system/cpu/cpu0/cache/index0/shared_cpu_list", "0\n")
            .File("/sys/devices/system/cpu/cpu0/cache/index2/level", "2\n")
            .File("/sys/devices/system/cpu/cpu0/cache/index2/type", "Unified\n")
            .File("/sys/devices/system/cpu/cpu0/cache/index2/size", "2048K\n")
            .File("/sys/devices/system/cpu/cpu0/cache/index2/shared_cpu_list", "0\n")
            .File("/sys/devices/system/cpu/cpu0/cache/index3/level", "3\n")
            .File("/sys/devices/system/cpu/cpu0/cache/index3/type", "Unified\n")
            .File("/sys/devices/system/cpu/cpu0/cache/index3/size", "107520K\n")
            .File("/sys/devices/system/cpu/cpu0/cache/index3/shared_cpu_list", "0-1\n")
            .File("/sys/devices/system/cpu/cpu2/cache/index3/level", "3\n")
            .File("/sys/devices/system/cpu/cpu2/cache/index3/type", "Unified\n")
            .File("/sys/devices/system/cpu/cpu2/cache/index3/size", "107520K\n")
            .File("/sys/devices/system/cpu/cpu2/cache/index3/shared_cpu_list", "2-3\n")
            .File("/sys/devices/system/cpu/online", "0-3\n")
            .File("/sys/class/infiniband/mlx5_0/ports/1/rate", "400 Gb/sec (4X NDR)\n")
            .File("/sys/class/infiniband/mlx5_0/ports/1/link_layer", "InfiniBand\n")
            .File("/sys/class/infiniband/mlx5_0/ports/1/state", "4: ACTIVE\n")
            .File("/sys/class/infiniband/mlx5_1/ports/1/rate", "100 Gb/sec (2X HDR)\n")
            .File("/sys/class/infiniband/mlx5_1/ports/1/link_layer", "Ethernet\n")
            .File("/sys/class/infiniband/mlx5_1/ports/1/state", "1: DOWN\n")
            .File("/sys/class/net/eth0/type", "1\n")
            .File("/sys/class/net/eth0/speed", "25000\n")
            .File("/sys/class/net/ib0/type", "32\n")
            .File("/sys/class/net/eth1/type", "1\n")
            .File("/sys/class/net/eth1/speed", "-1\n")
            .File("/sys/class/net/lo/type", "772\n")
            .File("/sys/class/net/bonding_masters", "\n")
            .File("/sys/block/nvme0n1/size", "7501476528\n")
            .File("/sys/block/nvme0n1/queue/rotational", "0\n")
            .File("/sys/block/nvme0n1/device/model", "SAMSUNG MZQL27T6HBLA-00A07        \n")
            .File("/sys/block/sda/size", "3907029168\n")
            .File("/sys/block/sda/queue/rotational", "1\n")
            .File("/sys/block/loop0/size", "1024\n")
            .File("/sys/block/sr0/size", "0\n")
            .File("/proc/driver/nvidia/version", "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  Sat Aug 19 01:15:15 UTC 2023\n")
            .File("/proc/driver/nvidia/gpus/0000:18:00.0/information", GpuInformation);

    [Fact]
    public void A_fake_tree_is_described_field_by_field()
    {
        using FakeHostTree tree = MachineWithInfinibandNicAndNvme();
        SystemInfo system = SystemInfoCollector.Collect(tree.Root, () => null);

        Assert.Equal("node17", system.Host);
        Assert.Equal("Debian GNU/Linux 12 (bookworm)", system.Os);
        Assert.Equal("6.1.0-18-amd64", system.Kernel);
        Assert.Equal(2048L << 20, system.MemoryBytes);
        Assert.Equal("Intel(R) Xeon(R) Platinum 8480+", system.Cpu.Model);
        Assert.Equal(4, system.Cpu.LogicalCores);
        Assert.Equal(2, system.Cpu.PhysicalCores);
        Assert.Equal(2, system.Cpu.Sockets);
        Assert.Equal(2048L << 10, system.Cpu.L2CacheBytes);
        Assert.Equal(2 * (107520L << 10), system.Cpu.LastLevelCacheBytes);
        Assert.Contains("avx512f", system.Cpu.Flags);
    }

    [Fact]
    public void Infiniband_and_roce_ports_and_interfaces_become_nics()
    {
        using FakeHostTree tree = MachineWithInfinibandNicAndNvme();
        var nics = SystemInfoCollector.Collect(tree.Root, () => null).Nics.ToDictionary(n => n.Name);

        Assert.Equal(["eth0", "eth1", "ib0", "mlx5_0:1", "mlx5_1:1"], nics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("InfiniBand", nics["mlx5_0:1"].LinkLayer);
        Assert.Equal(400e9, nics["mlx5_0:1"].RateBitsPerSecond);
        Assert.Equal("/sys/class/infiniband/mlx5_0/ports/1/rate", nics["mlx5_0:1"].Source);
        Assert.Equal("RoCE", nics["mlx5_1:1"].LinkLayer);
        Assert.Null(nics["mlx5_1:1"].RateBitsPerSecond);
        Assert.Equal("Ethernet", nics["eth0"].LinkLayer);
        Assert.Equal(25e9, nics["eth0"].RateBitsPerSecond);
        Assert.Null(nics["eth1"].RateBitsPerSecond);
        Assert.Equal("InfiniBand", nics["ib0"].LinkLayer);
        Assert.Null(nics["ib0"].RateBitsPerSecond);
    }

    [Fact]
    public void Block_devices_skip_loop_and_empty_devices_and_know_nvme()
    {
        using FakeHostTree tree = MachineWithInfinibandNicAndNvme();
        var devices = SystemInfoCollector.Collect(tree.Root, () => null).BlockDevices;

        Assert.Equal(["nvme0n1", "sda"], devices.Select(d => d.Name));
        BlockDeviceInfo nvme = devices[0];
        Assert.True(nvme.IsNvme);
        Assert.False(nvme.IsRotational);
        Assert.Equal("SAMSUNG MZQL27T6HBLA-00A07", nvme.Model);
        Assert.Equal(7501476528L * 512, nvme.SizeBytes);
        Assert.False(devices[1].IsNvme);
        Assert.True(devices[1].IsRotational);
        Assert.Null(devices[1].Model);
    }

    [Fact]
    public void Gpus_come_from_the_driver_files_when_nvidia_smi_gives_nothing()
    {
        using FakeHostTree tree = MachineWithInfinibandNicAndNvme();
        GpuInfo gpu = Assert.Single(SystemInfoCollector.Collect(tree.Root, () => null).Gpus);

        Assert.Equal(0, gpu.Index);
        Assert.Equal("NVIDIA H100 80GB HBM3", gpu.Name);
        Assert.Equal("GPU-8f6f1c5e-0000-1111-2222-333344445555", gpu.Uuid);
        Assert.Equal("0000:18:00.0", gpu.PciBusId);
        Assert.Equal("535.104.05", gpu.Driver);
    }

    [Fact]
    public void Gpus_come_from_nvidia_smi_when_it_answers()
    {
        using FakeHostTree tree = MachineWithInfinibandNicAndNvme();
        const string csv = "0, NVIDIA H100 80GB HBM3, GPU-8f6f1c5e-0000-1111-2222-333344445555, 81559, 535.104.05, 00000000:18:00.0, 5, 16\n";
        GpuInfo gpu = Assert.Single(SystemInfoCollector.Collect(tree.Root, () => csv).Gpus);

        Assert.Equal(81559L << 20, gpu.MemoryBytes);
        Assert.Equal(16, gpu.PcieWidth);
    }

    [Fact]
    public void An_empty_tree_gives_unknowns_not_exceptions()
    {
        using var tree = new FakeHostTree();
        bool asked = false;
        SystemInfo system = SystemInfoCollector.Collect(tree.Root, () => { asked = true; return "garbage"; });

        Assert.False(string.IsNullOrEmpty(system.Host));
        Assert.Equal("unknown", system.Cpu.Model);
        Assert.True(system.Cpu.LogicalCores >= 1);
        Assert.Equal(0, system.Cpu.LastLevelCacheBytes);
        Assert.Equal("unknown", system.Os);
        Assert.Empty(system.Gpus);
        Assert.Empty(system.Nics);
        Assert.Empty(system.BlockDevices);
        Assert.False(asked, "nvidia-smi must not be started on a machine without the NVIDIA driver");
    }

    [Fact]
    public void This_machine_has_a_host_and_cores()
    {
        SystemInfo system = SystemInfoCollector.Collect();
        Assert.False(string.IsNullOrWhiteSpace(system.Host));
        Assert.True(system.Cpu.LogicalCores >= 1);
        Assert.True(system.MemoryBytes > 0);
        Assert.NotEqual("unknown", system.Kernel);
    }
}
