using System.Diagnostics;
using HdrHistogram;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// Per-request times of one operation in an HdrHistogram (nanoseconds, 3 significant digits: 0.1% error), for
/// the percentiles, beside the raw times in seconds in the order measured.
/// </summary>
public sealed class RequestLatencies
{
    private const long HighestNs = 3_600_000_000_000; // an hour; a request timeout is far below

    private readonly LongHistogram _histogram = new(HighestNs, 3);
    private readonly List<double> _seconds = [];

    public long Count => _histogram.TotalCount;

    public IReadOnlyList<double> Seconds => _seconds;

    public void Record(long ticks)
    {
        long ns = Math.Clamp((long)(ticks * (1e9 / Stopwatch.Frequency)), 1, HighestNs);
        _histogram.RecordValue(ns);
        _seconds.Add(ticks / (double)Stopwatch.Frequency);
    }

    /// <summary>The value at a percentile (0..100), in seconds.</summary>
    public double At(double percentile) => _histogram.GetValueAtPercentile(percentile) / 1e9;

    public double Max => _histogram.GetMaxValue() / 1e9;
}
