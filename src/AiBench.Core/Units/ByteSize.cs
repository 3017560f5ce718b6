using System.Globalization;

namespace AiBench.Core.Units;

/// <summary>
/// Parses sizes written the way storage and collective tools write them. The rule, in one place:
/// <list type="bullet">
/// <item>a bare number is bytes (<c>4096</c>);</item>
/// <item>a single letter <c>k K m M g G t T</c> is binary, as in fio, dd and nccl-tests (<c>4k</c> = 4096, <c>8G</c> = 8 GiB);</item>
/// <item>an IEC suffix is binary (<c>KiB MiB GiB TiB</c>, case-insensitive);</item>
/// <item>an SI suffix with B is decimal (<c>kB KB MB GB TB</c>: <c>1MB</c> = 1 000 000).</item>
/// </list>
/// </summary>
public static class ByteSize
{
    /// <summary>2^53 bytes (8 PiB): the largest whole number a double holds exactly.</summary>
    public const long MaxBytes = 1L << 53;

    public static long Parse(string text) =>
        TryParse(text, out long bytes, out string? error) ? bytes : throw new FormatException(error);

    public static bool TryParse(string text, out long bytes, out string? error)
    {
        bytes = 0;
        error = null;
        if (!LeadingNumber.TrySplit(text, out double number, out string suffix))
        {
            error = $"'{text}' is not a size (examples: 4096, 4k, 1MiB, 8G, 1MB)";
            return false;
        }

        double? multiplier = Multiplier(suffix);
        if (multiplier is null)
        {
            error = $"'{text}' has an unknown size suffix (use k/M/G/T = binary, KiB/MiB/GiB/TiB, or kB/MB/GB/TB = decimal)";
            return false;
        }

        double value = number * multiplier.Value;
        if (value != Math.Floor(value))
        {
            error = $"'{text}' is not a whole number of bytes";
            return false;
        }

        // Sizes travel as doubles (ParameterValue): above 2^53 bytes they would no longer be whole numbers.
        if (value > MaxBytes)
        {
            error = $"'{text}' is above the largest size, 8 PiB";
            return false;
        }

        bytes = (long)value;
        return true;
    }

    private static double? Multiplier(string suffix) => suffix switch
    {
        "" or "B" or "b" => 1,
        "k" or "K" => 1L << 10,
        "m" or "M" => 1L << 20,
        "g" or "G" => 1L << 30,
        "t" or "T" => 1L << 40,
        "kB" or "KB" => 1e3,
        "MB" => 1e6,
        "GB" => 1e9,
        "TB" => 1e12,
        _ => suffix.ToLowerInvariant() switch
        {
            "kib" => 1L << 10,
            "mib" => 1L << 20,
            "gib" => 1L << 30,
            "tib" => 1L << 40,
            _ => null,
        },
    };

    /// <summary>Formats bytes with binary prefixes for parameter display (<c>4 KiB</c>, <c>8 GiB</c>).</summary>
    public static string FormatBinary(double bytes)
    {
        string[] prefixes = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
        int i = 0;
        while (Math.Abs(bytes) >= 1024 && i < prefixes.Length - 1)
        {
            bytes /= 1024;
            i++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{bytes:0.##} {prefixes[i]}");
    }
}
