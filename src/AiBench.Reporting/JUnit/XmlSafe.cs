using System.Text;
using System.Xml;

namespace AiBench.Reporting.JUnit;

/// <summary>Drops characters XML 1.0 cannot carry (control characters from a tool's stderr), which XmlWriter would throw on.</summary>
internal static class XmlSafe
{
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var s = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                s.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                s.Append(c);
            }
        }

        return s.Length == text.Length ? text : s.ToString();
    }
}
