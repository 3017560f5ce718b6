using System.Globalization;

namespace AiBench.Core.Units;

/// <summary>Parses durations: <c>250us</c>, <c>500ms</c>, <c>2s</c>, <c>1.5m</c>, <c>1h</c>; a bare number is seconds.</summary>
public static class DurationText
{
    private const double MaxSeconds = 365 * 86400.0;

    public static TimeSpan Parse(string text)
    {
        if (!LeadingNumber.TrySplit(text, out double number, out string suffix))
        {
            throw new FormatException($"'{text}' is not a duration (examples: 500ms, 2s, 1m)");
        }

        double seconds = suffix switch
        {
            "" or "s" or "sec" => number,
            "ms" => number / 1e3,
            "us" or "µs" => number / 1e6,
            "ns" => number / 1e9,
            "m" or "min" => number * 60,
            "h" => number * 3600,
            _ => throw new FormatException($"'{text}' has an unknown duration unit (use ns, us, ms, s, m, h)"),
        };
        // Beyond a year a duration is a typo, and TimeSpan itself overflows near 29,000 years.
        return seconds <= MaxSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException($"'{text}' is longer than the longest duration, 365 days");
    }

    /// <summary>Seconds as the parser reads them back (<c>0.5s</c>, <c>0s</c>).</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.#########", CultureInfo.InvariantCulture) + "s";
}
