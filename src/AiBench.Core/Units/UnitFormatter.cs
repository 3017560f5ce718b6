using System.Globalization;

namespace AiBench.Core.Units;

/// <summary>
/// Scales a canonical value for display with decimal SI prefixes (GB/s = 1e9 B/s, TFLOP/s = 1e12 FLOP/s)
/// and sub-unit prefixes for times (µs). One figure never mixes binary and decimal prefixes.
/// </summary>
public static class UnitFormatter
{
    private static readonly (double Factor, string Prefix)[] Large =
        [(1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1, "")];

    private static readonly (double Factor, string Prefix)[] Small =
        [(1, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n")];

    /// <summary>Picks a prefix for the value and returns (scaled value, unit text).</summary>
    public static (double Value, string Unit) Scale(double value, string unit)
    {
        if (unit is Unit.Ratio or Unit.Count || double.IsNaN(value) || value == 0)
        {
            return (value, unit);
        }

        double magnitude = Math.Abs(value);
        var table = unit == Unit.Seconds ? Small : Large;
        foreach ((double factor, string prefix) in table)
        {
            if (magnitude >= factor * 0.9995)
            {
                return (value / factor, prefix + unit);
            }
        }

        (double f, string p) = table[^1];
        return (value / f, p + unit);
    }

    /// <summary>Scales with the prefix that suits <paramref name="reference"/>, so a column shares one unit.</summary>
    public static (double Value, string Unit) ScaleLike(double value, double reference, string unit)
    {
        (double scaledReference, string scaledUnit) = Scale(reference, unit);
        double factor = scaledReference == 0 ? 1 : reference / scaledReference;
        return (value / factor, scaledUnit);
    }

    public static string Format(double value, string unit, int significant = 4)
    {
        (double scaled, string text) = Scale(value, unit);
        return $"{FormatNumber(scaled, significant)} {text}";
    }

    public static string FormatNumber(double value, int significant = 4)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (value == 0)
        {
            return "0";
        }

        int digits = Math.Max(0, significant - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value, Math.Min(digits, 15)).ToString("0.###############", CultureInfo.InvariantCulture);
    }
}
