using System.Net;

namespace AiBench.Reporting.Html;

/// <summary>HTML encoding for text and attribute values (quotes included), in one place.</summary>
public static class HtmlText
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
