using System.Globalization;

namespace AiBench.Core.Hosts;

/// <summary>Parses the rate of an InfiniBand or RoCE port: <c>"400 Gb/sec (4X NDR)"</c> → 4e11 bit/s.</summary>
internal static class InfinibandRate
{
    public static double? ParseBitsPerSecond(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string[] parts = text.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            || !double.IsFinite(number) || number <= 0)
        {
            return null;
        }

        double? multiplier = parts[1] switch
        {
            "Tb/sec" => 1e12,
            "Gb/sec" => 1e9,
            "Mb/sec" => 1e6,
            _ => null,
        };
        return multiplier is { } m ? number * m : null;
    }
}
