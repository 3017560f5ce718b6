using System.Text;

namespace AiBench.Reporting.Html;

/// <summary>Small builder for the HTML reports: encodes every text it is given; raw markup only through <see cref="Raw"/>.</summary>
public sealed class HtmlPage
{
    private readonly StringBuilder _html = new();

    public HtmlPage(string title)
    {
        _html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Encode(title)).Append("</title>\n")
            .Append("<style>\n").Append(ReportCss.Text).Append("</style>\n</head>\n<body>\n");
    }

    /// <summary>An element with encoded text content: <c>&lt;h2&gt;text&lt;/h2&gt;</c>.</summary>
    public HtmlPage Element(string tag, string text, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _html.Append(" class=\"").Append(HtmlText.Encode(cssClass)).Append('"');
        }

        _html.Append('>').Append(HtmlText.Encode(text)).Append("</").Append(tag).Append(">\n");
        return this;
    }

    public HtmlPage Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlPage Facts(IEnumerable<KeyValuePair<string, string>> items, Func<string, string?>? classOf = null)
    {
        _html.Append("<dl class=\"facts\">\n");
        foreach ((string label, string value) in items)
        {
            string? cssClass = classOf?.Invoke(label);
            _html.Append("<dt>").Append(HtmlText.Encode(label)).Append("</dt><dd>");
            _html.Append(cssClass is null ? HtmlText.Encode(value) : Badge(value, cssClass)).Append("</dd>\n");
        }

        _html.Append("</dl>\n");
        return this;
    }

    /// <summary>A table of encoded cells; <paramref name="cellClass"/> gives a CSS class per (row, column), or null.</summary>
    public HtmlPage Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, Func<int, int, string?>? cellClass = null)
    {
        _html.Append("<table>\n<thead><tr>");
        foreach (string header in headers)
        {
            _html.Append("<th>").Append(HtmlText.Encode(header)).Append("</th>");
        }

        _html.Append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.Count; r++)
        {
            _html.Append("<tr>");
            for (int c = 0; c < rows[r].Count; c++)
            {
                string? cssClass = cellClass?.Invoke(r, c);
                _html.Append(cssClass is null ? "<td>" : $"<td class=\"{HtmlText.Encode(cssClass)}\">")
                    .Append(HtmlText.Encode(rows[r][c])).Append("</td>");
            }

            _html.Append("</tr>\n");
        }

        _html.Append("</tbody>\n</table>\n");
        return this;
    }

    public static string Badge(string text, string cssClass) =>
        $"<span class=\"badge {HtmlText.Encode(cssClass)}\">{HtmlText.Encode(text)}</span>";

    /// <summary>A link to a file in the same folder; the path is relative and encoded segment by segment.</summary>
    public static string Link(string relativePath, string text) =>
        $"<a href=\"{string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString))}\">{HtmlText.Encode(text)}</a>";

    public override string ToString() => _html + "</body>\n</html>\n";
}
