using AiBench.Core.Baselines;
using AiBench.Core.Hosts;
using AiBench.Core.Results;
using Xunit;

namespace AiBench.Tests.Storage;

public class DriveBaselineTests
{
    private static readonly BaselineCatalog Catalog = BaselineCatalog.Load(Path.Combine(RepoPaths.Root, "suites", "baselines"));

    private static SystemInfo WithDrive(string model) => SystemInfo.Unknown with
    {
        BlockDevices = [new BlockDeviceInfo { Name = "nvme0n1", Model = model, IsNvme = true }],
    };

    private static Measurement Figure(string key, double value, string metric = "bandwidth") => new()
    {
        Benchmark = "storage.io", Metric = metric, Unit = "B/s", Better = Direction.Higher, Samples = [value],
        Labels = new Dictionary<string, string> { ["device"] = "nvme0n1" }, BaselineKey = key,
    };

    [Fact]
    public void A_drive_measurement_is_compared_with_the_matching_datasheet()
    {
        var resolver = new BaselineResolver(Catalog, WithDrive("SAMSUNG MZQL27T6HBLA-00A07 PM9A3"), null);
        Measurement m = resolver.Attach(Figure("drive.seq_read", 5.2e9), BaselineFamily.Drive);
        Assert.NotNull(m.Baseline);
        Assert.Equal("vendor:samsung-pm9a3", m.Baseline!.Source);
        Assert.Equal(6.5e9, m.Baseline.Value);
        Assert.Equal(0.8, m.Baseline.Efficiency, 6);

        Measurement iops = resolver.Attach(Figure("drive.rand_read_4k_iops", 450_000, "iops"), BaselineFamily.Drive);
        Assert.Equal(0.5, iops.Baseline!.Efficiency, 6);
    }

    [Fact]
    public void An_unknown_drive_or_a_missing_figure_gets_no_baseline()
    {
        Assert.Null(new BaselineResolver(Catalog, WithDrive("QEMU HARDDISK"), null).Attach(Figure("drive.seq_read", 1e9), BaselineFamily.Drive).Baseline);
        // micron-7450 has no random-write figure.
        Assert.Null(new BaselineResolver(Catalog, WithDrive("Micron_7450_MTFDKCC3T8TFR"), null)
            .Attach(Figure("drive.rand_write_4k_iops", 1e5, "iops"), BaselineFamily.Drive).Baseline);
    }

    [Fact]
    public void The_sku_override_names_a_drive()
    {
        Measurement m = new BaselineResolver(Catalog, WithDrive("QEMU HARDDISK"), "kioxia-cm6").Attach(Figure("drive.seq_write", 2.1e9), BaselineFamily.Drive);
        Assert.Equal(0.5, m.Baseline!.Efficiency, 6);
    }
}
