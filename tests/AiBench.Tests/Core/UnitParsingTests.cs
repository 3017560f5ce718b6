using AiBench.Core.Units;
using Xunit;

namespace AiBench.Tests.Core;

public class UnitParsingTests
{
    [Theory]
    [InlineData("4096", 4096L)]
    [InlineData("4k", 4096L)]
    [InlineData("4K", 4096L)]
    [InlineData("4KiB", 4096L)]
    [InlineData("1MiB", 1048576L)]
    [InlineData("1mib", 1048576L)]
    [InlineData("8G", 8589934592L)]
    [InlineData("1MB", 1000000L)]
    [InlineData("2kB", 2000L)]
    [InlineData("1.5k", 1536L)]
    [InlineData("8B", 8L)]
    public void Sizes_follow_the_documented_binary_and_decimal_rules(string text, long expected) =>
        Assert.Equal(expected, ByteSize.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("4x")]
    [InlineData("1.3B")]
    [InlineData("-4k")]
    [InlineData("4 parsecs")]
    public void Bad_size_text_gives_a_clear_error(string text)
    {
        var e = Assert.Throws<FormatException>(() => ByteSize.Parse(text));
        Assert.Contains(text.Length == 0 ? "size" : text, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1gbit", 1.25e8)]
    [InlineData("100mbit", 1.25e7)]
    [InlineData("25Gb/s", 3.125e9)]
    [InlineData("3.35TB/s", 3.35e12)]
    [InlineData("1GiB/s", 1073741824.0)]
    public void Rates_are_converted_to_bytes_per_second(string text, double expected) =>
        Assert.Equal(expected, DataRate.ParseBytesPerSecond(text), 6);

    [Fact]
    public void Unknown_rate_unit_is_rejected() =>
        Assert.Throws<FormatException>(() => DataRate.ParseBytesPerSecond("5 furlongs"));

    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("2s", 2)]
    [InlineData("2", 2)]
    [InlineData("250us", 0.00025)]
    [InlineData("1m", 60)]
    public void Durations_parse_to_seconds(string text, double seconds) =>
        Assert.Equal(seconds, DurationText.Parse(text).TotalSeconds, 9);

    [Theory]
    [InlineData("400 GB/s", 4e11, "B/s")]
    [InlineData("700 TFLOP/s", 7e14, "FLOP/s")]
    [InlineData("25us", 25e-6, "s")]
    [InlineData("5%", 0.05, "ratio")]
    [InlineData("1gbit", 1.25e8, "B/s")]
    [InlineData("12.5 Mop/s", 12.5e6, "op/s")]
    public void Quantities_convert_to_canonical_units(string text, double value, string unit)
    {
        Quantity q = Quantity.Parse(text);
        Assert.Equal(value, q.Value, value * 1e-12);
        Assert.Equal(unit, q.Unit);
    }

    [Fact]
    public void A_bare_quantity_has_no_unit() => Assert.Null(Quantity.Parse("0.7").Unit);

    [Theory]
    [InlineData(2.97e12, "B/s", "2.97 TB/s")]
    [InlineData(7.945e14, "FLOP/s", "794.5 TFLOP/s")]
    [InlineData(1.25e-5, "s", "12.5 µs")]
    [InlineData(512, "B/s", "512 B/s")]
    public void Display_uses_decimal_prefixes(double value, string unit, string expected) =>
        Assert.Equal(expected, UnitFormatter.Format(value, unit));
}
