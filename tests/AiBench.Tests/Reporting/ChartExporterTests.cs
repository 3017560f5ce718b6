using AiBench.Reporting;
using AiBench.Reporting.Charts;
using Xunit;

namespace AiBench.Tests.Reporting;

public class ChartExporterTests
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Writes_an_svg_and_a_png_per_chart()
    {
        using var dir = new TempDirectory();
        IReadOnlyList<string> files = new ChartExporter().Export(ReportingSampleRun.Create(), dir.Path);

        string charts = dir.File(ReportFileNames.ChartsFolder);
        Assert.Equal(6, files.Count);
        foreach (string stem in new[] { "gpu.matmul.throughput", "net.allreduce.busbw", "net.allreduce.time" })
        {
            string svg = File.ReadAllText(Path.Combine(charts, stem + ".svg"));
            Assert.Contains("<svg", svg, StringComparison.Ordinal);
            byte[] png = File.ReadAllBytes(Path.Combine(charts, stem + ".png"));
            Assert.True(png.Length > 1000, $"{stem}.png is {png.Length} bytes");
            Assert.Equal(PngMagic, png[..8]);
        }

        Assert.DoesNotContain(Directory.GetFiles(charts), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Charts_carry_titles_axis_units_and_vendor_peaks()
    {
        IReadOnlyList<ChartSpec> specs = ChartPlanner.Plan(ReportingSampleRun.Create());
        string matmul = ChartRenderer.RenderSvg(specs.Single(s => s.Benchmark == "gpu.matmul"));
        string busbw = ChartRenderer.RenderSvg(specs.Single(s => s.Metric == "busbw"));
        string time = ChartRenderer.RenderSvg(specs.Single(s => s.Metric == "time"));

        // ScottPlot writes text as <text> elements; every chart names the peak marker the same way.
        Assert.Contains("TFLOP/s", matmul, StringComparison.Ordinal);
        Assert.Contains("vendor peak", matmul, StringComparison.Ordinal);
        Assert.Contains("GB/s", busbw, StringComparison.Ordinal);
        Assert.Contains("vendor peak (datasheet)", busbw, StringComparison.Ordinal);
        Assert.Contains("GiB", busbw, StringComparison.Ordinal);
        Assert.Contains("log2", busbw, StringComparison.Ordinal);
        Assert.Contains("time (ms, log scale)", time, StringComparison.Ordinal);
    }
}
