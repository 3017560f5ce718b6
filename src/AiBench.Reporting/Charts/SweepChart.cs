using System.Globalization;
using AiBench.Core.Results;
using AiBench.Core.Units;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace AiBench.Reporting.Charts;

/// <summary>
/// Median against a swept size on a log2 axis, one line per series, p5–p95 whiskers, vendor peaks as dashed
/// lines. Times and latencies that span more than two decades get a log10 y axis too, or every small size
/// would sit on zero; rates keep a linear axis so the plateau near the peak stays readable.
/// </summary>
internal static class SweepChart
{
    private const int MaxBaselineLines = 4;

    public static (Plot Plot, int Width, int Height) Create(ChartSpec spec)
    {
        string parameter = spec.SweepParameter!;
        List<Measurement> all = spec.Measurements.ToList();
        List<BaselineComparison> baselines = all.Select(m => m.Baseline).OfType<BaselineComparison>()
            .DistinctBy(b => b.Value).Take(MaxBaselineLines).ToList();
        ValueScale scale = ValueScale.For(all.Select(m => m.Value).Concat(baselines.Select(b => b.Value)), spec.Unit);
        bool logY = LogValueAxis.Suits(all);
        double ToAxis(double value) => logY ? Math.Log10(scale.Apply(value)) : scale.Apply(value);

        var plot = new Plot();
        ChartStyle.Apply(plot);
        double yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        foreach (ChartSeries series in spec.Series)
        {
            double[] xs = series.Points.Select(p => p.X).ToArray();
            double[] ys = series.Points.Select(p => ToAxis(p.Measurement.Value)).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = series.Name;
            line.LineWidth = 2;
            line.MarkerSize = 6;
            Whiskers.Add(plot, xs, series.Points.Select(p => p.Measurement).ToList(), ToAxis, line.Color);
            foreach (ChartPoint p in series.Points)
            {
                yMin = Math.Min(yMin, ToAxis(p.Measurement.Stats?.P5 ?? p.Measurement.Value));
                yMax = Math.Max(yMax, ToAxis(p.Measurement.Stats?.P95 ?? p.Measurement.Value));
            }
        }

        foreach (BaselineComparison baseline in baselines)
        {
            var peak = plot.Add.HorizontalLine(ToAxis(baseline.Value), 1.5f, plot.Add.GetNextColor(), LinePattern.Dashed);
            peak.LegendText = $"peak {UnitFormatter.Format(baseline.Value, spec.Unit)} ({baseline.Source})";
            yMax = Math.Max(yMax, ToAxis(baseline.Value));
        }

        SetLimits(plot, spec, logY, yMin, yMax);
        plot.Axes.Bottom.TickGenerator = SizeAxis.TickGenerator(spec.SweepIsBytes);
        if (logY)
        {
            plot.Axes.Left.TickGenerator = LogValueAxis.TickGenerator();
        }

        plot.Title(spec.Title);
        plot.XLabel($"{parameter} (log2 scale)");
        plot.YLabel(logY ? $"{spec.Metric} ({scale.Unit}, log scale)" : $"{spec.Metric} ({scale.Unit})");
        if (spec.Series.Count > 1 || baselines.Count > 0)
        {
            plot.ShowLegend(Edge.Right);
        }

        return (plot, 1000, ChartStyle.Height);
    }

    private static void SetLimits(Plot plot, ChartSpec spec, bool logY, double yMin, double yMax)
    {
        double xMin = spec.Series.SelectMany(s => s.Points).Min(p => p.X);
        double xMax = spec.Series.SelectMany(s => s.Points).Max(p => p.X);
        if (logY)
        {
            plot.Axes.SetLimits(xMin - 0.3, xMax + 0.3, Math.Floor(yMin) - 0.05, Math.Ceiling(yMax) + 0.05);
            return;
        }

        // A linear axis starts at zero, so heights compare honestly.
        double bottom = Math.Min(0, yMin);
        double top = Math.Max(0, yMax);
        plot.Axes.SetLimits(xMin - 0.3, xMax + 0.3, bottom * 1.08, top == bottom ? 1 : top * 1.08);
    }
}
