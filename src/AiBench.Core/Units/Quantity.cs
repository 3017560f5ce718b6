using System.Globalization;
using System.Text.RegularExpressions;

namespace AiBench.Core.Units;

/// <summary>
/// A number with an optional unit, converted to the canonical unit: <c>400 GB/s</c> → 4e11 B/s,
/// <c>700 TFLOP/s</c> → 7e14 FLOP/s, <c>25us</c> → 2.5e-5 s, <c>1gbit</c> → 1.25e8 B/s, <c>5%</c> → 0.05 ratio.
/// A bare number has no unit and is read in the unit of whatever it is compared with.
/// </summary>
public readonly partial record struct Quantity(double Value, string? Unit)
{
    private static readonly (string Prefix, double Factor)[] Decimal =
        [("", 1), ("k", 1e3), ("K", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15)];

    public static Quantity Parse(string text)
    {
        Match match = Shape().Match(text.Trim());
        if (!match.Success
            || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            || !double.IsFinite(number))
        {
            throw new FormatException($"'{text}' is not a number with an optional unit (e.g. 400 GB/s, 700 TFLOP/s, 25us, 5%)");
        }

        string unit = match.Groups[2].Value;
        if (unit.Length == 0)
        {
            return new Quantity(number, null);
        }

        if (unit == "%")
        {
            return new Quantity(number / 100, Units.Unit.Ratio);
        }

        foreach (string canonical in new[] { Units.Unit.BytesPerSecond, Units.Unit.FlopsPerSecond, Units.Unit.OperationsPerSecond })
        {
            foreach ((string prefix, double factor) in Decimal)
            {
                if (unit == prefix + canonical)
                {
                    return double.IsFinite(number * factor)
                        ? new Quantity(number * factor, canonical)
                        : throw new FormatException($"'{text}' is too large");
                }
            }
        }

        if (unit.EndsWith("bit", StringComparison.OrdinalIgnoreCase) || unit.EndsWith("b/s", StringComparison.Ordinal)
            || unit.EndsWith("iB/s", StringComparison.Ordinal))
        {
            return new Quantity(DataRate.ParseBytesPerSecond(text), Units.Unit.BytesPerSecond);
        }

        if (unit is "s" or "ms" or "us" or "µs" or "ns" or "m" or "min" or "h")
        {
            return new Quantity(DurationText.Parse(text).TotalSeconds, Units.Unit.Seconds);
        }

        if (ByteSize.TryParse(text, out long bytes, out _))
        {
            return new Quantity(bytes, Units.Unit.Bytes);
        }

        throw new FormatException($"'{text}' has an unknown unit '{unit}' (use B/s, GB/s, TFLOP/s, op/s, s, ms, us, %, gbit)");
    }

    public override string ToString() => Unit is null
        ? Value.ToString("G6", CultureInfo.InvariantCulture)
        : Unit == Units.Unit.Ratio ? $"{(Value * 100).ToString("G6", CultureInfo.InvariantCulture)}%" : UnitFormatter.Format(Value, Unit);

    // Unambiguous digits and no backtracking: "[0-9]*\.?[0-9]+" took minutes on 100,000 digits followed by '!'.
    [GeneratedRegex(@"^([-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)\s*([A-Za-zµ/%]*)$", RegexOptions.NonBacktracking)]
    private static partial Regex Shape();
}
