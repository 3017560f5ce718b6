using AiBench.Core.Results;
using ScottPlot;

namespace AiBench.Reporting.Charts;

/// <summary>p5–p95 error bars around each median: the spread of the raw samples, not a confidence interval.</summary>
internal static class Whiskers
{
    /// <param name="toAxis">Maps a canonical value to the plotted y (display scaling, and log10 on a log axis).</param>
    public static void Add(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<Measurement> measurements, Func<double, double> toAxis, Color color)
    {
        var x = new List<double>();
        var y = new List<double>();
        var below = new List<double>();
        var above = new List<double>();
        for (int i = 0; i < measurements.Count; i++)
        {
            if (measurements[i].Stats is not { N: >= 2 } stats)
            {
                continue;
            }

            double median = toAxis(measurements[i].Value);
            x.Add(xs[i]);
            y.Add(median);
            below.Add(Math.Max(0, median - toAxis(stats.P5)));
            above.Add(Math.Max(0, toAxis(stats.P95) - median));
        }

        if (x.Count == 0)
        {
            return;
        }

        var bars = plot.Add.ErrorBar(x, y, above);
        bars.YErrorNegative = below;
        bars.Color = color;
    }
}
