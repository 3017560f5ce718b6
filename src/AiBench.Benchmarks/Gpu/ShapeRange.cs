using System.Globalization;
using AiBench.Core.Errors;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// One dimension of the mamf shape grid, written <c>start:stop:step</c> or as a single value (<c>4096</c>); a start of
/// 0 means step, since a dimension of 0 is no product (as mamf-finder). Whether stop is a value depends on the
/// method: the fast method includes it (<c>1024:8192:1024</c> ends at 8192, as this parameter always meant);
/// mamf-finder's <c>--m_range start stop step</c> is <c>np.arange</c>, which excludes it, so under
/// <c>method=mamf-finder</c> the same text gives what mamf-finder gives (1024 … 7168). Values accept the size suffixes
/// of Integer parameters (<c>8k</c> = 8192).
/// </summary>
internal static class ShapeRange
{
    public const int MaxValues = 4096;

    public static IReadOnlyList<long> Parse(string parameter, string text, bool includeStop = true)
    {
        string[] parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            long value = ParseValue(parameter, text, parts[0]);
            return value > 0 ? [value] : throw Bad(parameter, text, "must be above 0");
        }

        if (parts.Length != 3)
        {
            throw Bad(parameter, text, "is not 'start:stop:step' or a single value");
        }

        long start = ParseValue(parameter, text, parts[0]);
        long stop = ParseValue(parameter, text, parts[1]);
        long step = ParseValue(parameter, text, parts[2]);
        if (step <= 0)
        {
            throw Bad(parameter, text, "needs a step above 0");
        }

        if (start == 0)
        {
            start = step;
        }

        if (start < 0 || stop < start)
        {
            throw Bad(parameter, text, "must have 0 <= start <= stop");
        }

        // np.arange(start, stop, step): the values below stop; inclusive: up to and with stop.
        long last = includeStop ? stop : stop - 1;
        long count = last < start ? 0 : (last - start) / step + 1;
        if (count == 0)
        {
            throw Bad(parameter, text, "has no values (stop is excluded under method=mamf-finder, as np.arange)");
        }

        if (count > MaxValues)
        {
            throw Bad(parameter, text, $"has {count} values; the limit is {MaxValues}");
        }

        var values = new List<long>((int)count);
        for (long v = start; v <= last; v += step)
        {
            values.Add(v);
        }

        return values;
    }

    private static long ParseValue(string parameter, string text, string part)
    {
        if (long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
        {
            return value;
        }

        if (AiBench.Core.Units.ByteSize.TryParse(part, out long scaled, out _) && part.Length > 0 && char.IsAsciiDigit(part[0]))
        {
            return scaled;
        }

        throw Bad(parameter, text, $"has '{part}', which is not a whole number");
    }

    private static BadInputException Bad(string parameter, string text, string why) =>
        new($"parameter '{parameter}': value '{text}' {why}");
}
