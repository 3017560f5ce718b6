using AiBench.Core.Results;
using AiBench.Core.Units;
using ScottPlot;

namespace AiBench.Reporting.Charts;

/// <summary>
/// Grouped bars: the cases on the axis, one bar per system in the system's colour (a red outline when its rule
/// failed), p5–p95 whiskers, the vendor peak as a <see cref="PeakMarker"/> across the case, and the median's value
/// above each bar, clear of the whisker. Latencies spanning more than two decades get a log10 axis
/// (<see cref="LogValueAxis"/>). The axis unit is picked from the measured values, never the peak, so it is the
/// unit the table writes.
/// </summary>
internal static class BarChart
{
    private const double GroupWidth = 0.8;
    private const int MaxLabelledBars = 40;
    private const int PlotHeightPixels = 330;

    public static (Plot Plot, int Width, int Height) Create(ChartSpec spec)
    {
        List<Measurement> measurements = spec.Measurements.ToList();
        int systems = Math.Max(1, spec.Series.Max(s => s.System) + 1);
        int cases = Math.Max(1, spec.Cases.Count);
        ValueScale scale = ValueScale.For(spec);
        bool logY = LogValueAxis.Suits(measurements);
        double ToAxis(double value) => logY ? Math.Log10(scale.Apply(value)) : scale.Apply(value);
        double floor = logY ? Math.Floor(measurements.Min(m => ToAxis(m.Stats?.P5 ?? m.Value))) : 0;
        double barWidth = GroupWidth / systems;
        double Position(int caseIndex, int system) => caseIndex - GroupWidth / 2 + barWidth * (system + 0.5);

        int pixels = Math.Clamp(160 + cases * Math.Max(90, systems * 56), ChartStyle.MinWidth, ChartStyle.MaxWidth);
        double barPixels = (pixels - 160.0) / cases * barWidth;

        var plot = new Plot();
        ChartStyle.Apply(plot);
        double top = measurements.Max(Top);
        foreach (ChartSeries series in spec.Series)
        {
            Color colour = ChartStyle.SystemColour(series.System);
            var bars = plot.Add.Bars(series.Points.Select(p => new Bar
            {
                Position = Position((int)p.X, series.System),
                Value = ToAxis(p.Measurement.Value),
                ValueBase = floor,
                Size = barWidth * 0.92,
                FillColor = colour,
                LineColor = Failed(p.Measurement) ? ChartStyle.Failed : colour,
                LineWidth = Failed(p.Measurement) ? 3 : 0,
            }).ToArray());
            Whiskers.Add(plot, series.Points.Select(p => Position((int)p.X, series.System)).ToList(),
                series.Points.Select(p => p.Measurement).ToList(), ToAxis, ChartStyle.Whisker);
        }

        AddPeaks(plot, spec, ToAxis);
        double range = ToAxis(top) - floor;
        bool labelled = measurements.Count <= MaxLabelledBars;
        int longest = 0;
        if (labelled)
        {
            foreach (ChartSeries series in spec.Series)
            {
                foreach (ChartPoint p in series.Points)
                {
                    string text = UnitFormatter.FormatNumber(scale.Apply(p.Measurement.Value), 3);
                    longest = Math.Max(longest, text.Length);
                    ValueLabels.Add(plot, Position((int)p.X, series.System), ToAxis(Top(p.Measurement)), range * 0.015, text, barPixels);
                }
            }
        }

        // Room above the tallest whisker for its label: one text line, or a turned label's length.
        bool turned = longest * 6.5 > barPixels;
        double headroom = labelled ? (turned ? (longest * 6.5 + 12) / PlotHeightPixels : 0.08) : 0.04;
        plot.Axes.SetLimitsY(floor, ToAxis(top) + range * headroom);
        plot.Axes.SetLimitsX(-0.6, cases - 0.4);
        CategoryTicks.Label(plot, spec.Cases, pixels);
        plot.Title(spec.Title);
        if (logY)
        {
            plot.Axes.Left.TickGenerator = LogValueAxis.TickGenerator();
        }

        plot.YLabel(logY ? $"{spec.Metric} ({scale.Unit}, log scale)" : $"{spec.Metric} ({scale.Unit})");
        var legend = spec.Series.Select(s => ChartLegend.System(s.Name, ChartStyle.SystemColour(s.System))).ToList();
        if (measurements.Any(m => m.Baseline is not null))
        {
            legend.Add(PeakMarker.Legend());
        }

        if (measurements.Any(Failed))
        {
            legend.Add(ChartLegend.Failed());
        }

        ChartLegend.Show(plot, legend);
        return (plot, pixels, ChartStyle.Height);
    }

    private static bool Failed(Measurement m) => m.Verdict?.Status == VerdictStatus.Fail;

    private static double Top(Measurement m) => Math.Max(m.Value, Math.Max(m.Stats?.P95 ?? m.Value, m.Baseline?.Value ?? m.Value));

    /// <summary>One marker per distinct peak of a case, across the whole group of bars.</summary>
    private static void AddPeaks(Plot plot, ChartSpec spec, Func<double, double> toAxis)
    {
        var peaks = spec.Series.SelectMany(s => s.Points)
            .Where(p => p.Measurement.Baseline is not null)
            .Select(p => (Case: (int)p.X, Peak: p.Measurement.Baseline!.Value))
            .Distinct();
        foreach ((int c, double peak) in peaks)
        {
            PeakMarker.Add(plot, c - GroupWidth / 2 - 0.04, c + GroupWidth / 2 + 0.04, toAxis(peak));
        }
    }
}
