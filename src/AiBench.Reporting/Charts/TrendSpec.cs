using AiBench.Core.History;

namespace AiBench.Reporting.Charts;

/// <summary>
/// A metric's trend over stored runs (<c>aibench history</c>): one point per run in start order, the median with its
/// confidence interval, and the shifts change-point detection found. <see cref="FileStem"/> is unique within a page;
/// <see cref="Threshold"/> is the history's regression threshold, the least change the value axis spans.
/// </summary>
public sealed record TrendSpec(string FileStem, string Title, MetricHistory History, double Threshold)
{
    public string Unit => History.Measurement.Unit;

    /// <summary>The value whose unit prefix the axis takes, and the page's table of the runs with it.</summary>
    public double ValueReference => Text.UnitReference.Of(History.Points.Select(p => p.Median));

    public string SvgFileName => FileStem + ".svg";

    public string PngFileName => FileStem + ".png";
}
