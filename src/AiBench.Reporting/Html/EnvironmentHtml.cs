using System.Text;
using AiBench.Reporting.Environment;

namespace AiBench.Reporting.Html;

/// <summary>
/// The environment table: a column per system, a differing fact and the values off the usual one highlighted; with many systems (a fleet)
/// a row per system showing only the facts that differ, each cell off the usual value highlighted.
/// </summary>
internal static class EnvironmentHtml
{
    private const int MaxColumns = 6;

    public static void Append(HtmlPage page, EnvironmentTable table)
    {
        if (table.Rows.Count == 0)
        {
            return;
        }

        page.Element("h2", "Environment");
        page.Raw(table.Systems.Count <= MaxColumns ? ByFact(table) : BySystem(table));
        if (table.Systems.Count > 1)
        {
            page.Element("p", table.Rows.Any(r => r.Differs)
                ? "Highlighted: differs between systems; figures from them are not like for like."
                : "Every recorded fact is the same on every system.", "note");
        }
    }

    private static string ByFact(EnvironmentTable table)
    {
        var html = new StringBuilder("<table class=\"env\">\n<thead><tr><th></th>");
        foreach (var system in table.Systems)
        {
            html.Append("<th>").Append(Swatch.Labelled(system.Colour, system.Label)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (EnvironmentRow row in table.Rows)
        {
            // The fact is marked, and only the cells off the usual value: the odd system out is what to see.
            html.Append("<tr>").Append(row.Differs ? "<th class=\"differs\">" : "<th>").Append(HtmlText.Encode(row.Fact)).Append("</th>");
            foreach (string? value in row.Values)
            {
                bool odd = row.Differs && value is not null && !string.Equals(value, row.Usual, StringComparison.Ordinal);
                html.Append(odd ? "<td class=\"differs\">" : "<td>").Append(HtmlText.Encode(value ?? "—")).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    private static string BySystem(EnvironmentTable table)
    {
        var shared = table.Rows.Where(r => !r.Differs).ToList();
        var differing = table.Rows.Where(r => r.Differs).ToList();
        var html = new StringBuilder();
        if (shared.Count > 0)
        {
            html.Append("<p>Every system: ")
                .Append(HtmlText.Encode(string.Join(" · ", shared.Select(r => $"{r.Fact} {r.Usual}"))))
                .Append("</p>\n");
        }

        if (differing.Count == 0)
        {
            return html.ToString();
        }

        html.Append("<table class=\"env\">\n<thead><tr><th>system</th>");
        foreach (EnvironmentRow row in differing)
        {
            html.Append("<th>").Append(HtmlText.Encode(row.Fact)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (int s = 0; s < table.Systems.Count; s++)
        {
            html.Append("<tr><th>").Append(Swatch.Labelled(table.Systems[s].Colour, table.Systems[s].Label)).Append("</th>");
            foreach (EnvironmentRow row in differing)
            {
                string? value = row.Values[s];
                bool odd = value is not null && !string.Equals(value, row.Usual, StringComparison.Ordinal);
                html.Append(odd ? "<td class=\"differs\">" : "<td>").Append(HtmlText.Encode(value ?? "—")).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }
}
