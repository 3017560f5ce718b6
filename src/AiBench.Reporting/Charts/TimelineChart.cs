using AiBench.Core.Results;
using ScottPlot;

namespace AiBench.Reporting.Charts;

/// <summary>
/// A figure over the run's time: one line per case, one point per analysis segment (the measurement's samples,
/// <see cref="SampleInterval"/> apart, as storage.s3 and storage.io record them), so a stall, a ramp or a dying
/// server shows. Any figure that carries a sample interval gets one, whichever benchmark made it.
/// </summary>
internal static class TimelineChart
{
    public static bool Applies(Measurement m) => m.Samples.Count >= 2 && SampleInterval.Of(m) is not null;

    public static (Plot Plot, int Width, int Height) Create(ChartSpec spec)
    {
        List<Measurement> all = spec.Measurements.ToList();
        ValueScale scale = ValueScale.For(all.SelectMany(m => m.Samples), spec.Unit);
        var plot = new Plot();
        ChartStyle.Apply(plot);
        double xMax = 0, yMax = 0;
        foreach (ChartSeries series in spec.Series)
        {
            Measurement m = series.Points[0].Measurement;
            double step = SampleInterval.Of(m)!.Value;
            double[] xs = Enumerable.Range(0, m.Samples.Count).Select(i => (i + 1) * step).ToArray();
            double[] ys = m.Samples.Select(scale.Apply).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = series.Name;
            line.LineWidth = 2;
            line.MarkerSize = 4;
            xMax = Math.Max(xMax, xs[^1]);
            yMax = Math.Max(yMax, ys.Max());
        }

        plot.Axes.SetLimits(0, xMax * 1.02, 0, yMax > 0 ? yMax * 1.08 : 1);
        plot.Title($"{spec.Title} over time");
        plot.XLabel("seconds into the measured window (end of each segment)");
        plot.YLabel($"{spec.Metric} ({scale.Unit})");
        if (spec.Series.Count > 1)
        {
            ChartLegend.Show(plot, plot.GetPlottables<ScottPlot.Plottables.Scatter>()
                .Select(s => ChartLegend.Line(s.LegendText, s.Color, s.LinePattern)).ToList());
        }

        return (plot, 1000, ChartStyle.Height);
    }
}
