namespace AiBench.Reporting.Charts;

/// <summary>
/// The name of a chart that holds several metrics of one unit (STREAM copy/scale/add/triad, h2d/d2h): what
/// the unit measures, so one chart replaces a chart of one bar per metric.
/// </summary>
internal static class MetricFamily
{
    private const int MaxNamed = 3;

    public static string Name(IReadOnlyList<string> metrics, string unit)
    {
        // A few metrics are named outright: a family split by MagnitudeBands must not give two charts one title.
        if (metrics.Count <= MaxNamed)
        {
            return string.Join(", ", metrics);
        }

        return unit switch
        {
            "B/s" or "bit/s" => "bandwidth",
            "FLOP/s" or "OP/s" => "throughput",
            "s" => "time",
            "B" => "size",
            _ => string.Join(", ", metrics),
        };
    }
}
