using System.Globalization;

namespace AiBench.Core.Units;

/// <summary>
/// Splits unit text such as <c>4k</c>, <c>500ms</c> or <c>25Gb/s</c> into its number and suffix. Only ASCII digits and
/// '.' count (no signs, exponents or other scripts' digits), and a number too long to be finite is refused, so every
/// unit parser gets a finite, non-negative value or nothing.
/// </summary>
internal static class LeadingNumber
{
    public static bool TrySplit(string text, out double number, out string suffix)
    {
        string s = text.Trim();
        int split = 0;
        while (split < s.Length && (char.IsAsciiDigit(s[split]) || s[split] == '.'))
        {
            split++;
        }

        suffix = s[split..].Trim();
        return double.TryParse(s.AsSpan(0, split), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }
}
