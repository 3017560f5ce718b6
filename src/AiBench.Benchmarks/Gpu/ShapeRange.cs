using System.Globalization;
using AiBench.Core.Errors;
using AiBench.Core.Parameters;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// One dimension of the mamf shape grid: a single value (<c>4096</c>) or a range in <see cref="NumericRange"/>'s
/// grammar, usually <c>start:stop:step</c> as mamf-finder's <c>--m_range start stop step</c> (also
/// <c>1024..8192+1024</c>, <c>1k..16k*2</c>). A start of 0 means step, since a dimension of 0 is no product (as
/// mamf-finder). Whether stop is a value depends on the method: the fast method includes it (<c>1024:8192:1024</c>
/// ends at 8192, as this parameter always meant); mamf-finder's range is <c>np.arange</c>, which excludes it, so under
/// <c>method=mamf-finder</c> the same text gives what mamf-finder gives (1024 … 7168). Values accept the size
/// suffixes of Integer parameters (<c>8k</c> = 8192).
/// </summary>
internal static class ShapeRange
{
    public static IReadOnlyList<long> Parse(string parameter, string text, bool includeStop = true)
    {
        if (!NumericRange.IsRange(text))
        {
            long value = ParseValue(parameter, text, text.Trim());
            return value > 0 ? [value] : throw new BadInputException($"parameter '{parameter}': value '{text}' must be above 0");
        }

        NumericRange range = NumericRange.Parse(parameter, text, part => ParseValue(parameter, text, part.Trim()));
        if (range is { From: 0, Geometric: false })
        {
            range = range with { From = range.Step };
        }

        return range.Values(parameter, text, whole: true, includeStop).Select(v => (long)v).ToList();
    }

    private static long ParseValue(string parameter, string text, string part)
    {
        if (long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
        {
            return value;
        }

        if (ByteSize.TryParse(part, out long scaled, out _) && part.Length > 0 && char.IsAsciiDigit(part[0]))
        {
            return scaled;
        }

        throw new BadInputException($"parameter '{parameter}': value '{text}' has '{part}', which is not a whole number");
    }
}
