namespace AiBench.Reporting.Html;

/// <summary>A system's colour as a small square before its label, so tables and charts read with one key.</summary>
internal static class Swatch
{
    public static string Labelled(string colour, string label) => Of(colour) + HtmlText.Encode(label);

    /// <summary>The square alone, before markup that is already encoded (a link).</summary>
    public static string Of(string colour) => $"<span class=\"swatch\" style=\"background:{HtmlText.Encode(colour)}\"></span>";
}
