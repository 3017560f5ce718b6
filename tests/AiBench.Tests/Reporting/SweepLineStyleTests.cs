using System.Text.RegularExpressions;
using AiBench.Core.Results;
using AiBench.Reporting.Charts;
using AiBench.Reporting.Comparison;
using AiBench.Reporting.Systems;
using Xunit;

namespace AiBench.Tests.Reporting;

/// <summary>Two systems that measured the same sweep: both lines stay visible in the rendered chart.</summary>
public class SweepLineStyleTests
{
    [Fact]
    public void Identical_sweeps_of_two_systems_differ_in_dash_and_marker_so_both_show()
    {
        Run first = ReportingSampleRun.Create();
        Run second = first with { RunId = "same-figures", System = first.System with { Host = "node18" } };
        ChartSpec busbw = ComparisonCharts.Plan([first, second]).Single(c => c.Metric == "busbw");

        string svg = ChartRenderer.RenderSvg(busbw);

        string blue = SystemPalette.Hex(0), orange = SystemPalette.Hex(1);
        Assert.Equal(4, busbw.Series.Count);
        // The first system's first line is solid with filled markers; every line of the second is broken (Skia writes
        // a dash pattern as a filled path of dash pieces), drawn over the first, with open, larger markers around its points.
        Assert.Contains($"<path fill=\"none\" stroke=\"{blue}\" stroke-width=\"2\"", svg, StringComparison.Ordinal);
        Assert.Contains($"<ellipse fill=\"{blue}\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain($"<path fill=\"none\" stroke=\"{orange}\" stroke-width=\"2\"", svg, StringComparison.Ordinal);
        Assert.True(Regex.Count(svg, $"<path fill=\"{orange}\" d=\"M[^\"]*ZM") >= 2, "both lines of the second system dashed or dotted");
        int points = busbw.Series.Where(s => s.System == 1).Sum(s => s.Points.Count);
        Assert.True(Regex.Count(svg, $"<path fill=\"none\" stroke=\"{orange}\" stroke-width=\"1\"") >= points, "an open marker at every point of the second system");
    }
}
