using System.Globalization;
using AiBench.Core.Results;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace AiBench.Reporting.Charts;

/// <summary>
/// Median against a swept size on a log2 axis, one line per series in its system's colour, each line with its own
/// dash and marker (another system's open and larger) so identical lines of two systems both show, p5–p95 whiskers, vendor peaks as <see cref="PeakMarker"/>s. Times and latencies that span more than two decades get a log10 y axis too, or every small size
/// would sit on zero; rates keep a linear axis so the plateau near the peak stays readable.
/// </summary>
internal static class SweepChart
{
    private const int MaxBaselineLines = 4;

    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    private static readonly MarkerShape[] Markers = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    private static readonly MarkerShape[] OpenMarkers = [MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp, MarkerShape.OpenDiamond];

    public static (Plot Plot, int Width, int Height) Create(ChartSpec spec)
    {
        string parameter = spec.SweepParameter!;
        List<Measurement> all = spec.Measurements.ToList();
        List<BaselineComparison> baselines = all.Select(m => m.Baseline).OfType<BaselineComparison>()
            .DistinctBy(b => b.Value).Take(MaxBaselineLines).ToList();
        ValueScale scale = ValueScale.For(spec);
        bool logY = LogValueAxis.Suits(all);
        double ToAxis(double value) => logY ? Math.Log10(scale.Apply(value)) : scale.Apply(value);

        var plot = new Plot();
        ChartStyle.Apply(plot);
        var legend = new List<LegendItem>();
        double yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        for (int i = 0; i < spec.Series.Count; i++)
        {
            ChartSeries series = spec.Series[i];
            double[] xs = series.Points.Select(p => p.X).ToArray();
            double[] ys = series.Points.Select(p => ToAxis(p.Measurement.Value)).ToArray();
            var line = plot.Add.Scatter(xs, ys, ChartStyle.SystemColour(series.System));
            // Colour names the system; every line also gets its own dash and marker, so two systems that measured the
            // same stay visible on top of each other: a later line is dashed over the earlier one, its open marker larger.
            line.LineWidth = 2;
            line.LinePattern = Patterns[i % Patterns.Length];
            line.MarkerShape = (series.System == 0 ? Markers : OpenMarkers)[i % Markers.Length];
            line.MarkerSize = 6 + (3 * Math.Min(series.System, 2));
            legend.Add(new LegendItem
            {
                LabelText = series.Name, LineColor = line.Color, LineWidth = 2, LinePattern = line.LinePattern,
                MarkerShape = line.MarkerShape, MarkerColor = line.Color, MarkerSize = line.MarkerSize,
            });
            Whiskers.Add(plot, xs, series.Points.Select(p => p.Measurement).ToList(), ToAxis, line.Color);
            foreach (ChartPoint p in series.Points)
            {
                yMin = Math.Min(yMin, ToAxis(p.Measurement.Stats?.P5 ?? p.Measurement.Value));
                yMax = Math.Max(yMax, ToAxis(p.Measurement.Stats?.P95 ?? p.Measurement.Value));
            }
        }

        double xMin = spec.Series.SelectMany(s => s.Points).Min(p => p.X);
        double xMax = spec.Series.SelectMany(s => s.Points).Max(p => p.X);
        foreach (BaselineComparison baseline in baselines)
        {
            PeakMarker.Add(plot, xMin - 0.3, xMax + 0.3, ToAxis(baseline.Value));
            yMax = Math.Max(yMax, ToAxis(baseline.Value));
        }

        if (baselines.Count > 0)
        {
            legend.Add(PeakMarker.Legend());
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
        ChartLegend.Show(plot, legend);

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
