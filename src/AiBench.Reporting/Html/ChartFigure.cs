using AiBench.Reporting.Charts;
using AiBench.Reporting.Figures;

namespace AiBench.Reporting.Html;

/// <summary>
/// A chart as an HTML figure: the SVG the chart exporter wrote (or drawn now when it is missing), inlined,
/// with a link to its PNG when that file exists, and the method and conditions when every figure in it shares them.
/// </summary>
internal static class ChartFigure
{
    public static void Append(HtmlPage page, ChartSpec chart, string directory, int number)
    {
        string folder = Path.Combine(directory, ReportFileNames.ChartsFolder);
        string svgPath = Path.Combine(folder, chart.SvgFileName);
        string svg;

        // A chart that cannot be read or drawn (no native SkiaSharp, unreadable file) must not cost the whole report.
        try
        {
            svg = File.Exists(svgPath) ? File.ReadAllText(svgPath) : ChartRenderer.RenderSvg(chart);
        }
        catch (Exception e)
        {
            page.Element("p", $"Chart {chart.Title} could not be drawn: {e.Message}", "note");
            return;
        }

        page.Raw("<figure>\n").Raw(InlineSvg.Prepare(svg, $"c{number}-")).Raw("\n<figcaption>").Raw(HtmlText.Encode(chart.Title));
        if (File.Exists(Path.Combine(folder, chart.PngFileName)))
        {
            page.Raw(" · ").Raw(HtmlPage.Link($"{ReportFileNames.ChartsFolder}/{chart.PngFileName}", "PNG"));
        }

        page.Raw(HtmlText.Encode(" · whiskers: p5–p95 of the raw samples"));
        if (chart.Measurements.Select(FigureMethod.Of).Distinct(StringComparer.Ordinal).ToList() is [string method])
        {
            page.Raw("<br>").Raw(HtmlText.Encode("Method: " + method));
        }

        if (chart.Measurements.Select(FigureConditions.Of).Distinct(StringComparer.Ordinal).ToList() is [string conditions])
        {
            page.Raw("<br>").Raw(HtmlText.Encode("Conditions: " + conditions));
        }

        page.Raw("</figcaption>\n</figure>\n");
    }
}
