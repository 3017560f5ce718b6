using System.Globalization;
using System.Text;
using AiBench.Core.Results;
using AiBench.Reporting.Figures;

namespace AiBench.Reporting.Html;

/// <summary>
/// Under a benchmark's table: how each figure was measured and under which conditions, one line per distinct
/// method (with the cases it covers), the first few shown and the rest folded away.
/// </summary>
internal static class FigureNotesHtml
{
    private const int Shown = 6;

    public static void Append(HtmlPage page, IReadOnlyList<(Measurement Measurement, string Case)> figures)
    {
        var lines = figures
            .GroupBy(f => (Method: FigureMethod.Of(f.Measurement), Conditions: FigureConditions.Of(f.Measurement)))
            .Select(g => Line(g.Key.Method, g.Key.Conditions, g.Select(f => f.Case).Distinct(StringComparer.Ordinal).ToList(), figures.Count))
            .ToList();
        if (lines.Count == 0)
        {
            return;
        }

        var html = new StringBuilder("<ul class=\"method\">\n");
        foreach (string line in lines.Take(Shown))
        {
            html.Append(line);
        }

        html.Append("</ul>\n");
        if (lines.Count > Shown)
        {
            html.Append("<details><summary>").Append(string.Create(CultureInfo.InvariantCulture, $"{lines.Count - Shown} more methods"))
                .Append("</summary>\n<ul class=\"method\">\n");
            foreach (string line in lines.Skip(Shown))
            {
                html.Append(line);
            }

            html.Append("</ul>\n</details>\n");
        }

        page.Raw(html.ToString());
    }

    private static string Line(string method, string? conditions, List<string> cases, int all)
    {
        string which = cases.Count == all && all > 1 ? "every case" : string.Join(", ", cases);
        var line = new StringBuilder("<li><span class=\"which\">").Append(HtmlText.Encode(which)).Append("</span> ")
            .Append("<span class=\"what\">Method:</span> ").Append(HtmlText.Encode(method));
        if (conditions is not null)
        {
            line.Append(" <span class=\"what\">Conditions:</span> ").Append(HtmlText.Encode(conditions));
        }

        return line.Append("</li>\n").ToString();
    }
}
