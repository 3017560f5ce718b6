using System.Text.RegularExpressions;

namespace AiBench.Reporting.Html;

/// <summary>
/// Makes a standalone SVG document fit for inlining in HTML: drops the XML declaration, gives every id a
/// per-chart prefix (ScottPlot numbers its clip paths from the same start in every file, and ids are
/// page-global once inlined), and adds a viewBox so CSS can scale the chart to the page width.
/// </summary>
public static partial class InlineSvg
{
    public static string Prepare(string svg, string idPrefix)
    {
        string body = XmlDeclaration().Replace(svg, string.Empty, 1).Trim();
        body = IdAttribute().Replace(body, m => $"id=\"{idPrefix}{m.Groups[1].Value}\"");
        body = FragmentReference().Replace(body, m => $"{m.Groups[1].Value}#{idPrefix}{m.Groups[2].Value}");
        Match root = RootElement().Match(body);
        if (root.Success && !root.Value.Contains("viewBox", StringComparison.Ordinal))
        {
            Match width = WidthAttribute().Match(root.Value);
            Match height = HeightAttribute().Match(root.Value);
            if (width.Success && height.Success)
            {
                string opening = root.Value.Insert(4, $" viewBox=\"0 0 {width.Groups[1].Value} {height.Groups[1].Value}\"");
                body = string.Concat(body.AsSpan(0, root.Index), opening, body.AsSpan(root.Index + root.Length));
            }
        }

        return body;
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("(url\\(|href=\")#([^)\"]+)")]
    private static partial Regex FragmentReference();

    [GeneratedRegex("<svg\\b[^>]*>")]
    private static partial Regex RootElement();

    [GeneratedRegex("\\swidth=\"([0-9.]+)\"")]
    private static partial Regex WidthAttribute();

    [GeneratedRegex("\\sheight=\"([0-9.]+)\"")]
    private static partial Regex HeightAttribute();
}
