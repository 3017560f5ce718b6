using AiBench.Core.Baselines;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Results;
using Xunit;

namespace AiBench.Tests.Core;

public class BaselineCatalogTests
{
    internal static BaselineCatalog Shipped() => BaselineCatalog.Load(Path.Combine(RepoPaths.Root, "suites", "baselines"));

    [Theory]
    [InlineData("NVIDIA H100 80GB HBM3", "h100-sxm5-80gb")]
    [InlineData("NVIDIA H100 PCIe", "h100-pcie-80gb")]
    [InlineData("NVIDIA H100 NVL", "h100-nvl-94gb")]
    [InlineData("NVIDIA H200", "h200-sxm-141gb")]
    [InlineData("NVIDIA A100-SXM4-80GB", "a100-sxm-80gb")]
    [InlineData("NVIDIA L40S", "l40s")]
    public void Device_names_match_their_datasheet_sku(string name, string sku) =>
        Assert.Equal(sku, Shipped().MatchGpu(name)?.Id);

    [Fact]
    public void Unknown_devices_match_nothing() => Assert.Null(Shipped().MatchGpu("Matrox G200"));

    [Fact]
    public void Every_sku_keeps_its_source()
    {
        BaselineCatalog catalog = Shipped();
        Assert.NotEmpty(catalog.Gpus);
        Assert.All(catalog.Gpus, g => Assert.False(string.IsNullOrWhiteSpace(g.Source), g.Id));
        Assert.All(catalog.Drives, d => Assert.False(string.IsNullOrWhiteSpace(d.Source), d.Id));
        Assert.NotEmpty(catalog.PcieLinks);
        Assert.NotEmpty(catalog.NetworkLinks);
    }

    [Theory]
    [InlineData("ib-ndr", 50e9)] // 400 Gbit/s port
    [InlineData("ROCE-200", 25e9)]
    [InlineData("nvlink4", 450e9)] // scale-up, unidirectional per GPU
    [InlineData("pcie5-x16", 63e9)]
    [InlineData("400gbit", 50e9)]
    [InlineData("25GB/s", 25e9)]
    public void A_link_rate_is_a_rate_or_a_catalog_link(string text, double bytesPerSecond) =>
        Assert.Equal(bytesPerSecond, LinkRate.Parse("link-rate", text, Shipped()));

    [Fact]
    public void An_unknown_link_name_lists_the_names_it_knows()
    {
        Assert.Null(LinkRate.Parse("link-rate", "auto", Shipped()));
        var e = Assert.Throws<BadInputException>(() => LinkRate.Parse("link-rate", "ib-ndx", Shipped()));
        Assert.Contains("parameter 'link-rate'", e.Message, StringComparison.Ordinal);
        Assert.Contains("ib-ndr", e.Message, StringComparison.Ordinal);
        Assert.Throws<BadInputException>(() => LinkRate.Parse("link-rate", "0gbit", Shipped()));
    }

    [Fact]
    public void Peaks_are_in_canonical_units()
    {
        BaselineCatalog catalog = Shipped();
        GpuSku h100 = catalog.FindGpu("h100-sxm5-80gb")!;
        Assert.Equal(989.5e12, catalog.GpuPeak(h100, "gpu.peak_tflops.bf16"));
        Assert.Equal(3.35e12, catalog.GpuPeak(h100, "gpu.memory_bandwidth")!.Value, 1);
        Assert.Equal(63e9, catalog.GpuPeak(h100, "gpu.pcie"));
        Assert.Null(catalog.GpuPeak(h100, "gpu.peak_tflops.int4"));
    }

    [Fact]
    public void Efficiency_is_measured_over_peak_for_the_detected_device()
    {
        BaselineCatalog catalog = Shipped();
        SystemInfo system = SystemInfo.Unknown with { Gpus = [new GpuInfo { Index = 0, Name = "NVIDIA H100 80GB HBM3" }] };
        Measurement m = Matmul(7.9e14);
        Measurement attached = new BaselineResolver(catalog, system, null).Attach(m, BaselineFamily.Gpu);
        Assert.Equal("vendor:h100-sxm5-80gb", attached.Baseline!.Source);
        Assert.Equal(7.9e14 / 989.5e12, attached.Baseline.Efficiency, 9);
    }

    [Fact]
    public void The_sku_override_wins_over_detection()
    {
        BaselineCatalog catalog = Shipped();
        SystemInfo system = SystemInfo.Unknown with { Gpus = [new GpuInfo { Index = 0, Name = "NVIDIA H100 80GB HBM3" }] };
        Measurement attached = new BaselineResolver(catalog, system, "a100-sxm-80gb").Attach(Matmul(2.5e14), BaselineFamily.Gpu);
        Assert.Equal("vendor:a100-sxm-80gb", attached.Baseline!.Source);
    }

    [Fact]
    public void The_benchmark_chooses_the_datasheet_not_the_key()
    {
        BaselineCatalog catalog = Shipped();
        SystemInfo system = SystemInfo.Unknown with { Gpus = [new GpuInfo { Index = 0, Name = "NVIDIA H100 80GB HBM3" }] };
        Assert.Null(new BaselineResolver(catalog, system, null).Attach(Matmul(7.9e14), BaselineFamily.None).Baseline);
        Assert.Null(new BaselineResolver(catalog, system, null).Attach(Matmul(7.9e14), BaselineFamily.Drive).Baseline);
        Assert.Equal(BaselineFamily.Gpu, new AiBench.Benchmarks.Gpu.GpuMatmulBenchmark().Datasheet);
        Assert.Equal(BaselineFamily.Drive, ((AiBench.Core.Benchmarks.IBenchmark)new AiBench.Benchmarks.Storage.StorageIoBenchmark()).Datasheet);
        Assert.Equal(BaselineFamily.None, ((AiBench.Core.Benchmarks.IBenchmark)new AiBench.Benchmarks.Cpu.CpuMemoryBenchmark()).Datasheet);
    }

    [Fact]
    public void No_gpu_means_no_baseline() =>
        Assert.Null(new BaselineResolver(Shipped(), SystemInfo.Unknown, null).Attach(Matmul(1e12), BaselineFamily.Gpu).Baseline);

    private static Measurement Matmul(double value) => new()
    {
        Benchmark = "gpu.matmul", Metric = "throughput", Unit = "FLOP/s", Better = Direction.Higher,
        Labels = new Dictionary<string, string> { ["device"] = "0" }, Samples = [value], BaselineKey = "gpu.peak_tflops.bf16",
    };
}
