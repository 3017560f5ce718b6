using System.Text.RegularExpressions;

namespace AiBench.Reporting.Text;

/// <summary>
/// The fonts every page and chart asks for, best first, ending in the generic family, so text survives on a
/// reader's machine without DejaVu (macOS, Windows, a slim container with only Liberation or Noto).
/// </summary>
public static partial class FontStack
{
    /// <summary>Installable sans fonts the chart renderer may draw with, in order of preference.</summary>
    public static readonly IReadOnlyList<string> ChartFonts = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "FreeSans", "Arial"];

    public const string Css =
        "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Liberation Sans\", \"DejaVu Sans\", Arial, Helvetica, sans-serif";

    /// <summary>Gives every <c>font-family</c> of an SVG the whole stack after the family it names.</summary>
    public static string WidenSvg(string svg) =>
        FontFamilyAttribute().Replace(svg, m => m.Groups[1].Value.Contains("sans-serif", StringComparison.Ordinal)
            ? m.Value
            : $"font-family=\"{m.Groups[1].Value}, {Css.Replace("\"", "'", StringComparison.Ordinal)}\"");

    [GeneratedRegex("font-family=\"([^\"]*)\"")]
    private static partial Regex FontFamilyAttribute();
}
