using AiBench.Core.Results;
using AiBench.Core.Units;
using AiBench.Reporting.Text;
using ScottPlot;

namespace AiBench.Reporting.Charts;

/// <summary>
/// One bar per case (red when its verdict failed), p5–p95 whiskers, and the vendor peak: a dashed line when
/// every case shares one peak, else a grey bar beside each case that has one. Latencies spanning more than two
/// decades (p50 … max) are drawn on a log10 axis (<see cref="LogValueAxis"/>), bars rising from the lowest decade.
/// </summary>
internal static class BarChart
{
    private const double CharWidthPixels = 7;

    public static (Plot Plot, int Width, int Height) Create(ChartSpec spec)
    {
        IReadOnlyList<ChartPoint> points = spec.Series[0].Points;
        List<Measurement> measurements = points.Select(p => p.Measurement).ToList();
        List<double> peaks = measurements.Select(m => m.Baseline?.Value).OfType<double>().Distinct().ToList();
        bool peakBars = peaks.Count > 1;
        ValueScale scale = ValueScale.For(measurements.Select(m => m.Value).Concat(peaks), spec.Unit);
        bool logY = LogValueAxis.Suits(measurements);
        double ToAxis(double value) => logY ? Math.Log10(scale.Apply(value)) : scale.Apply(value);
        double floor = logY ? Math.Floor(measurements.Min(m => ToAxis(m.Stats?.P5 ?? m.Value))) : 0;

        var plot = new Plot();
        ChartStyle.Apply(plot);
        double width = peakBars ? 0.4 : 0.8;
        double offset = peakBars ? -0.2 : 0;
        var measured = plot.Add.Bars(points.Select((p, i) => MeasuredBar(p.Measurement, i + offset, width, scale, ToAxis, floor)).ToArray());
        measured.LegendText = "median";
        var positions = points.Select((_, i) => i + offset).ToList();
        Whiskers.Add(plot, positions, measurements, ToAxis, ChartStyle.Whisker);

        if (peakBars)
        {
            var peak = plot.Add.Bars(measurements
                .Select((m, i) => (m, i))
                .Where(t => t.m.Baseline is not null)
                .Select(t => PeakBar(t.m, t.i + 0.2, width, ToAxis, floor))
                .ToArray());
            peak.LegendText = "vendor peak";
        }
        else if (peaks.Count == 1)
        {
            BaselineComparison baseline = measurements.First(m => m.Baseline is not null).Baseline!;
            var line = plot.Add.HorizontalLine(ToAxis(baseline.Value), 1.5f, ChartStyle.Peak, LinePattern.Dashed);
            line.LegendText = $"peak {UnitFormatter.Format(baseline.Value, spec.Unit)} ({baseline.Source})";
        }

        if (measurements.Any(m => m.Verdict?.Status == VerdictStatus.Fail))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "failed its rule", FillColor = ChartStyle.Failed });
        }

        int pixels = Math.Clamp(160 + points.Count * (peakBars ? 120 : 80), ChartStyle.MinWidth, ChartStyle.MaxWidth);
        LabelTicks(plot, points, pixels);
        plot.Title(spec.Title);
        if (logY)
        {
            double top = Math.Ceiling(measurements.Max(m => ToAxis(m.Stats?.P95 ?? m.Value)) + 0.05);
            plot.Axes.SetLimitsY(floor, top);
            plot.Axes.Left.TickGenerator = LogValueAxis.TickGenerator();
            plot.YLabel($"{spec.Metric} ({scale.Unit}, log scale)");
        }
        else
        {
            plot.Axes.Margins(bottom: measurements.All(m => m.Value >= 0) ? 0 : 0.1);
            plot.YLabel($"{spec.Metric} ({scale.Unit})");
        }

        if (peaks.Count > 0 || plot.Legend.ManualItems.Count > 0)
        {
            plot.ShowLegend(Edge.Right);
        }

        return (plot, pixels, ChartStyle.Height);
    }

    private static Bar MeasuredBar(
        Measurement m, double position, double width, ValueScale scale, Func<double, double> toAxis, double floor) => new()
    {
        Position = position,
        Value = toAxis(m.Value),
        ValueBase = floor,
        Size = width,
        FillColor = m.Verdict?.Status == VerdictStatus.Fail ? ChartStyle.Failed : ChartStyle.Measured,
        Label = UnitFormatter.FormatNumber(scale.Apply(m.Value), 3),
    };

    private static Bar PeakBar(Measurement m, double position, double width, Func<double, double> toAxis, double floor) => new()
    {
        Position = position,
        Value = toAxis(m.Baseline!.Value),
        ValueBase = floor,
        Size = width,
        FillColor = ChartStyle.Peak,
        Label = InvariantNumber.Percent(m.Baseline.Efficiency, "0"),
    };

    /// <summary>Category labels under the bars, turned 45° when they would not fit side by side.</summary>
    private static void LabelTicks(Plot plot, IReadOnlyList<ChartPoint> points, int pixels)
    {
        plot.Axes.Bottom.SetTicks(points.Select((_, i) => (double)i).ToArray(), points.Select(p => p.Label).ToArray());
        int longest = points.Max(p => p.Label.Length);
        double slot = (pixels - 160.0) / points.Count;
        if (longest * CharWidthPixels > slot)
        {
            // Turned counter-clockwise and anchored at its end, each label finishes under its own bar.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            float reach = (float)Math.Min(260, longest * CharWidthPixels * 0.72);
            plot.Axes.Bottom.MinimumSize = reach + 20;

            // The first label reaches left past the y axis; leave it room.
            plot.Axes.Left.MinimumSize = Math.Max(0, reach - (float)(slot / 2));
        }
    }
}
