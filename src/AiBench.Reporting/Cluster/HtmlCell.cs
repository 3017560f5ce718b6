using System.Text;
using AiBench.Reporting.Html;

namespace AiBench.Reporting.Cluster;

/// <summary>A table cell of the cluster report: encoded text or a link, with an optional CSS class. Markup only from here.</summary>
internal readonly record struct HtmlCell(string Html, string? Class = null)
{
    public static HtmlCell Text(string text, string? cssClass = null) => new(HtmlText.Encode(text), cssClass);

    public static HtmlCell Number(string text) => new(HtmlText.Encode(text), "num");

    public static HtmlCell Badge(string text, string cssClass) => new(HtmlPage.Badge(text, cssClass));

    /// <summary>A link when <paramref name="relativePath"/> is given, else plain text.</summary>
    public static HtmlCell Link(string? relativePath, string text) =>
        relativePath is null ? Text(text) : new(HtmlPage.Link(relativePath, text));

    /// <summary>The cell behind a system's colour square, as the environment table heads that system's column.</summary>
    public HtmlCell Swatched(string? colour) => colour is null ? this : this with { Html = Swatch.Of(colour) + Html };

    public static void AppendTable(StringBuilder html, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<HtmlCell>> rows)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (string header in headers)
        {
            html.Append("<th>").Append(HtmlText.Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (IReadOnlyList<HtmlCell> row in rows)
        {
            html.Append("<tr>");
            foreach (HtmlCell cell in row)
            {
                html.Append(cell.Class is null ? "<td>" : $"<td class=\"{HtmlText.Encode(cell.Class)}\">").Append(cell.Html).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
