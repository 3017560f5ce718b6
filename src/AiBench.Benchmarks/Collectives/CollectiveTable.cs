using System.Globalization;

namespace AiBench.Benchmarks.Collectives;

/// <summary>One row of nccl-tests' table: a size, and for each placement time (µs), algbw, busbw (GB/s) and #wrong.</summary>
public sealed record CollectiveRow(
    long Bytes, long Count, string Type, string RedOp, int Root, CollectivePlacement? OutOfPlace, CollectivePlacement? InPlace);

/// <summary>
/// The figures of one placement of one row; <see cref="Wrong"/> is null when not checked, the bandwidths when not
/// reported (one rank, see <see cref="CollectiveMath.WhyNoBandwidth"/>); each null is printed N/A.
/// </summary>
public sealed record CollectivePlacement(double Seconds, double? AlgorithmBandwidth, double? BusBandwidth, long? Wrong);

/// <summary>
/// Prints nccl-tests' table layout (src/util.cu) so people used to it read it at a glance: size, count, type, redop,
/// root, then time/algbw/busbw/#wrong out-of-place and in-place; time in µs, bandwidths in GB/s (1e9), and the
/// average bus bandwidth over every printed figure as the footer (N/A when no busbw was printed).
/// </summary>
public sealed class CollectiveTable(TextWriter writer)
{
    private readonly List<double> _busBandwidths = [];
    private long _wrong;

    public void WriteHeader(string title)
    {
        writer.WriteLine($"# {title}");
        writer.WriteLine("#                                                              out-of-place                       in-place          ");
        writer.WriteLine("#       size         count      type   redop    root     time   algbw   busbw #wrong     time   algbw   busbw #wrong");
        writer.WriteLine("#        (B)    (elements)                               (us)  (GB/s)  (GB/s)            (us)  (GB/s)  (GB/s)       ");
        writer.Flush();
    }

    public void WriteRow(CollectiveRow row)
    {
        var line = new System.Text.StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"{row.Bytes,12} {row.Count,13} {row.Type,9} {row.RedOp,7} {row.Root,7}");
        Append(line, row.OutOfPlace);
        Append(line, row.InPlace);
        writer.WriteLine(line.ToString());
        writer.Flush();
    }

    /// <summary>Writes the footer and returns the average bus bandwidth (B/s) over every busbw printed; null when none was.</summary>
    public double? WriteFooter()
    {
        double? average = _busBandwidths.Count > 0 ? _busBandwidths.Average() : null;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# Wrong elements : {_wrong} {(_wrong == 0 ? "OK" : "FAILED")}"));
        writer.WriteLine(average is { } a
            ? string.Create(CultureInfo.InvariantCulture, $"# Avg bus bandwidth    : {a / 1e9:F4} ")
            : "# Avg bus bandwidth    : N/A (no bandwidth on one rank)");
        writer.WriteLine("#");
        writer.Flush();
        return average;
    }

    private void Append(System.Text.StringBuilder line, CollectivePlacement? placement)
    {
        if (placement is null)
        {
            line.Append(CultureInfo.InvariantCulture, $" {"-",8} {"-",7} {"-",7} {"-",6}");
            return;
        }

        if (placement.BusBandwidth is { } busbw)
        {
            _busBandwidths.Add(busbw);
        }

        _wrong += placement.Wrong ?? 0;
        string wrong = placement.Wrong is { } w ? w.ToString(CultureInfo.InvariantCulture) : "N/A";
        line.Append(CultureInfo.InvariantCulture,
            $" {FormatTime(placement.Seconds * 1e6),8} {Bandwidth(placement.AlgorithmBandwidth),7} {Bandwidth(placement.BusBandwidth),7} {wrong,6}");
    }

    private static string Bandwidth(double? bytesPerSecond) =>
        bytesPerSecond is { } b ? (b / 1e9).ToString("F2", CultureInfo.InvariantCulture) : "N/A";

    // nccl-tests prints time with %7.2f below 10 ms, %7.1f below 100 ms, %7.0f above.
    private static string FormatTime(double microseconds) => microseconds switch
    {
        < 10_000 => microseconds.ToString("F2", CultureInfo.InvariantCulture),
        < 100_000 => microseconds.ToString("F1", CultureInfo.InvariantCulture),
        _ => microseconds.ToString("F0", CultureInfo.InvariantCulture),
    };
}
