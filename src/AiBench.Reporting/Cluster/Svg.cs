using System.Globalization;
using System.Text;
using AiBench.Reporting.Html;

namespace AiBench.Reporting.Cluster;

/// <summary>Tiny helpers for the hand-written heatmap SVG: invariant numbers and encoded text, nothing raw from input.</summary>
internal static class Svg
{
    public const string Namespace = "http://www.w3.org/2000/svg";

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A <c>&lt;title&gt;</c> (the browser's tooltip) with encoded text.</summary>
    public static StringBuilder AppendTitle(this StringBuilder svg, string text) =>
        svg.Append("<title>").Append(HtmlText.Encode(text)).Append("</title>");

    /// <summary>Shortens a label for the drawing (the full text stays in its tooltip).</summary>
    public static string Truncate(string text, int maxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");

    /// <summary>A rough width of sans-serif text at <paramref name="fontSize"/> px, for layout without a font engine.</summary>
    public static double TextWidth(string text, double fontSize) => text.Length * fontSize * 0.6;

    /// <summary>A diagonal hatch pattern for cells that were not measured; <paramref name="id"/> must be unique in the page.</summary>
    public static StringBuilder AppendHatch(this StringBuilder svg, string id) =>
        svg.Append("<defs><pattern id=\"").Append(id).Append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
            .Append("<rect width=\"6\" height=\"6\" fill=\"#eee\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#bbb\" stroke-width=\"2\"/></pattern></defs>");
}
