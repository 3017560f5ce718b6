using System.Globalization;
using System.Text;

namespace AiBench.Core.Errors;

/// <summary>Makes text safe to print as one line of an error: control characters escaped, length bounded.</summary>
public static class OneLine
{
    public const int MaxLength = 1000;

    public static string Of(string text)
    {
        var line = new StringBuilder(Math.Min(text.Length, MaxLength + 16));
        foreach (char c in text)
        {
            if (line.Length >= MaxLength)
            {
                return line.Append('…').ToString();
            }

            _ = c switch
            {
                '\n' => line.Append("\\n"),
                '\r' => line.Append("\\r"),
                '\t' => line.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => line.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => line.Append(c),
            };
        }

        return line.ToString();
    }
}
