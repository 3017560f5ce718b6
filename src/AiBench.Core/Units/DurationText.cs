using System.Globalization;

namespace AiBench.Core.Units;

/// <summary>Parses durations: <c>250us</c>, <c>500ms</c>, <c>2s</c>, <c>1.5m</c>, <c>1h</c>; a bare number is seconds.</summary>
public static class DurationText
{
    public static TimeSpan Parse(string text)
    {
        string s = text.Trim();
        int split = 0;
        while (split < s.Length && (char.IsAsciiDigit(s[split]) || s[split] == '.'))
        {
            split++;
        }

        if (split == 0 || !double.TryParse(s[..split], NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            throw new FormatException($"'{text}' is not a duration (examples: 500ms, 2s, 1m)");
        }

        double seconds = s[split..].Trim() switch
        {
            "" or "s" or "sec" => number,
            "ms" => number / 1e3,
            "us" or "µs" => number / 1e6,
            "ns" => number / 1e9,
            "m" or "min" => number * 60,
            "h" => number * 3600,
            _ => throw new FormatException($"'{text}' has an unknown duration unit (use ns, us, ms, s, m, h)"),
        };
        return TimeSpan.FromSeconds(seconds);
    }
}
