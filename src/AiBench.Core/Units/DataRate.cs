namespace AiBench.Core.Units;

/// <summary>
/// Parses link and throughput rates into bytes per second (the canonical unit). Bit rates use tc's and
/// the network world's decimal words: <c>1gbit</c> = 1e9 bit/s = 1.25e8 B/s (also <c>kbit mbit tbit</c>,
/// <c>Gb/s</c>). Byte rates: <c>500MB/s</c>, <c>3.35TB/s</c> (decimal), <c>1GiB/s</c> (binary).
/// </summary>
public static class DataRate
{
    public static double ParseBytesPerSecond(string text)
    {
        if (!LeadingNumber.TrySplit(text, out double number, out string suffix))
        {
            throw new FormatException($"'{text}' is not a rate (examples: 1gbit, 100mbit, 25Gb/s, 3.35TB/s)");
        }

        double multiplier = suffix switch
        {
            "bit" or "b/s" or "bps" => 1.0 / 8,
            "kbit" or "kb/s" or "Kb/s" => 1e3 / 8,
            "mbit" or "Mbit" or "Mb/s" => 1e6 / 8,
            "gbit" or "Gbit" or "Gb/s" => 1e9 / 8,
            "tbit" or "Tbit" or "Tb/s" => 1e12 / 8,
            "B/s" => 1,
            "kB/s" or "KB/s" => 1e3,
            "MB/s" => 1e6,
            "GB/s" => 1e9,
            "TB/s" => 1e12,
            "KiB/s" => 1024,
            "MiB/s" => 1 << 20,
            "GiB/s" => 1 << 30,
            _ => throw new FormatException(
                $"'{text}' has an unknown rate unit (bit rates: bit, kbit, mbit, gbit, Gb/s; byte rates: MB/s, GB/s, TB/s, GiB/s)"),
        };
        double rate = number * multiplier;
        return double.IsFinite(rate) ? rate : throw new FormatException($"'{text}' is too large a rate");
    }
}
