using AiBench.Reporting.Systems;

namespace AiBench.Reporting.Html;

/// <summary>The page's key: each system's colour and label, once at the top instead of in every chart.</summary>
internal static class SystemLegend
{
    public static void Append(HtmlPage page, IReadOnlyList<ReportedSystem> systems)
    {
        page.Raw("<p class=\"legend\">");
        page.Raw(string.Join(" ", systems.Select(s => $"<span class=\"key\">{Swatch.Labelled(s.Colour, s.Label)}</span>")));
        page.Raw(" <span class=\"key\"><span class=\"peak-key\"></span>vendor peak (datasheet)</span></p>\n");
    }
}
