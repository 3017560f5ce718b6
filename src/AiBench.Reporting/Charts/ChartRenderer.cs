using AiBench.Reporting.Text;
using ScottPlot;

namespace AiBench.Reporting.Charts;

/// <summary>Draws a <see cref="ChartSpec"/> with ScottPlot (SkiaSharp, headless) into SVG and PNG.</summary>
public static class ChartRenderer
{
    public static ChartImage Render(ChartSpec spec)
    {
        (Plot plot, int width, int height) = Create(spec);
        using (plot)
        {
            return new ChartImage(spec, FontStack.WidenSvg(plot.GetSvgXml(width, height)), plot.GetImageBytes(width, height, ImageFormat.Png));
        }
    }

    public static string RenderSvg(ChartSpec spec)
    {
        (Plot plot, int width, int height) = Create(spec);
        using (plot)
        {
            return FontStack.WidenSvg(plot.GetSvgXml(width, height));
        }
    }

    /// <summary>A history's trend chart: SVG for inlining, PNG for documents.</summary>
    public static (string Svg, byte[] Png) Render(TrendSpec spec)
    {
        ChartStyle.EnsureTextCanBeDrawn();
        (Plot plot, int width, int height) = TrendChart.Create(spec);
        using (plot)
        {
            return (FontStack.WidenSvg(plot.GetSvgXml(width, height)), plot.GetImageBytes(width, height, ImageFormat.Png));
        }
    }

    private static (Plot Plot, int Width, int Height) Create(ChartSpec spec)
    {
        ChartStyle.EnsureTextCanBeDrawn();
        return spec.IsTimeline ? TimelineChart.Create(spec) : spec.IsSweep ? SweepChart.Create(spec) : BarChart.Create(spec);
    }
}
