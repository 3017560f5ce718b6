using System.Globalization;
using AiBench.Core.History;
using ScottPlot;

namespace AiBench.Reporting.Charts;

/// <summary>
/// A metric across runs: runs in start order on the axis (labelled by start time), the median of each with its
/// confidence interval as whiskers, and each shift as a dashed line before its first run, red when it is a regression.
/// The value axis is not pinned at zero, as the chart is for seeing shifts of a few percent, but it spans at least the
/// threshold either side of the runs' median, so scatter inside the threshold does not look like a cliff.
/// </summary>
internal static class TrendChart
{
    private static readonly Color Shift = Color.FromHex("#555555");

    public static (Plot Plot, int Width, int Height) Create(TrendSpec spec)
    {
        IReadOnlyList<HistoryPoint> points = spec.History.Points;
        ValueScale scale = ValueScale.For(spec.ValueReference, spec.Unit);
        double[] xs = Enumerable.Range(0, points.Count).Select(i => (double)i).ToArray();
        double[] ys = points.Select(p => scale.Apply(p.Median)).ToArray();

        var plot = new Plot();
        ChartStyle.Apply(plot);
        Color colour = ChartStyle.SystemColour(0);
        var line = plot.Add.Scatter(xs, ys, colour);
        line.LineWidth = 2;
        line.MarkerSize = 7;
        var whiskers = plot.Add.ErrorBar(xs, ys, points.Select(p => Math.Max(0, scale.Apply(p.CiUpper) - scale.Apply(p.Median))).ToArray());
        whiskers.YErrorNegative = points.Select(p => Math.Max(0, scale.Apply(p.Median) - scale.Apply(p.CiLower))).ToList();
        whiskers.Color = colour;

        double level = Math.Abs(ys.Order().ElementAt(ys.Length / 2));
        double low = Math.Min(points.Min(p => scale.Apply(p.CiLower)), level * (1 - spec.Threshold));
        double high = Math.Max(points.Max(p => scale.Apply(p.CiUpper)), level * (1 + spec.Threshold));
        double pad = high > low ? (high - low) * 0.15 : Math.Max(Math.Abs(high) * 0.05, 1e-9);
        (double bottom, double top) = (low - pad, high + pad);
        foreach (ChangePoint change in spec.History.ChangePoints)
        {
            var marker = plot.Add.Line(change.Index - 0.5, bottom, change.Index - 0.5, top);
            marker.LineColor = change.IsRegression ? ChartStyle.Failed : Shift;
            marker.LineWidth = 2;
            marker.LinePattern = LinePattern.Dashed;
            marker.MarkerSize = 0;
        }

        int width = Math.Clamp(160 + points.Count * 60, ChartStyle.MinWidth, ChartStyle.MaxWidth);
        plot.Axes.SetLimits(-0.5, points.Count - 0.5, bottom, top);
        CategoryTicks.Label(plot, points.Select(p => p.StartedAt.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)).ToList(), width);
        plot.Title(spec.Title);
        // No axis title: turned tick labels would run into it; the figure's caption says what the axis is.
        plot.YLabel($"{spec.History.Measurement.Metric} ({scale.Unit})");
        ChartLegend.Show(plot, Legend(spec, colour, points));
        return (plot, width, ChartStyle.Height);
    }

    private static List<LegendItem> Legend(TrendSpec spec, Color colour, IReadOnlyList<HistoryPoint> points)
    {
        string level = points.Select(p => p.CiLevel).Distinct().Count() == 1 ? points[0].CiLevel.ToString("0%", CultureInfo.InvariantCulture) + " " : "";
        var legend = new List<LegendItem>
        {
            new() { LabelText = $"median, {level}CI whiskers", LineColor = colour, LineWidth = 2, MarkerShape = MarkerShape.FilledCircle, MarkerColor = colour, MarkerSize = 7 },
        };
        if (spec.History.ChangePoints.Any(c => !c.IsRegression))
        {
            legend.Add(ChartLegend.Line("shift (change point)", Shift, LinePattern.Dashed));
        }

        if (spec.History.ChangePoints.Any(c => c.IsRegression))
        {
            legend.Add(ChartLegend.Line("regression shift", ChartStyle.Failed, LinePattern.Dashed));
        }

        return legend;
    }
}
