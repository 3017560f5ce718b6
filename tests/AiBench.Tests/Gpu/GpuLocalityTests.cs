using AiBench.Benchmarks.Gpu;
using AiBench.Tests.Reporting;
using Xunit;

namespace AiBench.Tests.Gpu;

/// <summary>Pinned host buffers go on the GPU's NUMA node: sysfs parsing, the CPU mask, and binding a thread (no GPU needed).</summary>
public class GpuLocalityTests
{
    [Theory]
    [InlineData("0000:3B:00.0", "0000:3b:00.0")]
    [InlineData("00000000:3B:00.0", "0000:3b:00.0")]
    [InlineData("0001:c1:1f.7", "0001:c1:1f.7")]
    [InlineData("10000:01:00.0", "10000:01:00.0")]
    [InlineData("3B:00.0", null)]
    [InlineData("", null)]
    [InlineData("0000:3B:00", null)]
    public void Cuda_bus_ids_become_sysfs_names(string busId, string? sysfs) => Assert.Equal(sysfs, GpuLocality.SysfsName(busId));

    [Theory]
    [InlineData("1\n", 1)]
    [InlineData("0", 0)]
    [InlineData("-1\n", null)]
    [InlineData("x", null)]
    public void Numa_node_minus_one_means_none(string text, int? node) => Assert.Equal(node, GpuLocality.ParseNumaNode(text));

    [Theory]
    [InlineData("0-3,8,10-11\n", new[] { 0, 1, 2, 3, 8, 10, 11 }, "0-3,8,10-11")]
    [InlineData("5", new[] { 5 }, "5")]
    [InlineData("", new int[0], "")]
    [InlineData("2-3,0-1", new[] { 0, 1, 2, 3 }, "0-3")]
    public void Cpu_lists_parse_and_format(string text, int[] cpus, string formatted)
    {
        IReadOnlyList<int>? parsed = CpuList.Parse(text);
        Assert.Equal(cpus, parsed);
        Assert.Equal(formatted, CpuList.Format(parsed!));
    }

    [Theory]
    [InlineData("3-1")]
    [InlineData("a-b")]
    [InlineData("1-2-3")]
    public void Bad_cpu_lists_are_null(string text) => Assert.Null(CpuList.Parse(text));

    [Fact]
    public void Cpu_masks_are_glibc_bit_order()
    {
        byte[] mask = CpuMask.Bytes([0, 9, 63, 64, 9000], 16);
        Assert.Equal(0x01, mask[0]);
        Assert.Equal(0x02, mask[1]);
        Assert.Equal(0x80, mask[7]);
        Assert.Equal(0x01, mask[8]);
        Assert.Equal([0, 9, 63, 64], CpuMask.Cpus(mask));
    }

    [Fact]
    public void Locality_comes_from_local_cpulist_else_the_nodes_cpulist()
    {
        using var sys = new TempDirectory();
        string device = Path.Combine(sys.Path, "bus", "pci", "devices", "0000:3b:00.0");
        Directory.CreateDirectory(device);
        File.WriteAllText(Path.Combine(device, "numa_node"), "1\n");
        string node = Path.Combine(sys.Path, "devices", "system", "node", "node1");
        Directory.CreateDirectory(node);
        File.WriteAllText(Path.Combine(node, "cpulist"), "16-31\n");

        GpuLocality fromNode = GpuLocality.Read("00000000:3B:00.0", sys.Path);
        Assert.Equal(1, fromNode.NumaNode);
        Assert.Equal(Enumerable.Range(16, 16), fromNode.Cpus);
        Assert.EndsWith("node1/cpulist", fromNode.Source, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(device, "local_cpulist"), "16-23\n");
        GpuLocality local = GpuLocality.Read("0000:3B:00.0", sys.Path);
        Assert.Equal(Enumerable.Range(16, 8), local.Cpus);
        Assert.EndsWith("local_cpulist", local.Source, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(device, "numa_node"), "-1\n");
        File.Delete(Path.Combine(device, "local_cpulist"));
        GpuLocality none = GpuLocality.Read("0000:3b:00.0", sys.Path);
        Assert.Null(none.NumaNode);
        Assert.Null(none.Cpus);
        Assert.Null(GpuLocality.Read("0000:99:00.0", sys.Path).Cpus);
    }

    [SkippableFact]
    public void A_thread_is_bound_to_allowed_cpus_and_restored()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "thread affinity is bound through Linux's sched_setaffinity");

        // On a thread of its own, as gpu.memory binds its case's thread.
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                IReadOnlyList<int> before = ThreadAffinity.Current()!;
                using (ThreadAffinity? bound = ThreadAffinity.TryBind([before[0], 1_000_000], out _))
                {
                    Assert.NotNull(bound);
                    Assert.Equal([before[0]], bound!.Cpus);
                    Assert.Equal([before[0]], ThreadAffinity.Current());
                }

                Assert.Equal(before, ThreadAffinity.Current());
                Assert.Null(ThreadAffinity.TryBind([1_000_000], out string refused));
                Assert.Contains("none of the GPU's CPUs", refused, StringComparison.Ordinal);
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        Assert.Null(failure);
    }
}
