using AiBench.Core.Results;

namespace AiBench.Reporting.Charts;

/// <summary>One point of a chart: a measurement, where it goes on the x axis (sweeps) and its category label (bars).</summary>
public sealed record ChartPoint(Measurement Measurement, string Label, double X);

/// <summary>
/// A line of a sweep chart, or one system's bars of a bar chart. <see cref="System"/> picks the colour, so a
/// system keeps it in every chart of a page; a sweep gives each line its own dash and marker besides.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, int System = 0);

/// <summary>
/// What to draw for one benchmark and metric family: a sweep (median against a size parameter on a log2 axis)
/// when <see cref="SweepParameter"/> is set, a timeline when <see cref="IsTimeline"/>, else grouped bars: the
/// cases on the axis, one bar per system. <see cref="FileStem"/> is unique within a page.
/// </summary>
public sealed record ChartSpec(
    string FileStem,
    string Benchmark,
    string Metric,
    string Unit,
    string? SweepParameter,
    IReadOnlyList<ChartSeries> Series)
{
    public bool IsSweep => SweepParameter is not null;

    /// <summary>The swept parameter is a size in bytes: its axis reads 4 KiB, 1 MiB rather than 4096, 1048576.</summary>
    public bool SweepIsBytes { get; init; }

    /// <summary>Samples against time (one line per case) instead of one value per case.</summary>
    public bool IsTimeline { get; init; }

    /// <summary>The label of each system, by the index <see cref="ChartSeries.System"/> holds.</summary>
    public IReadOnlyList<string> Systems { get; init; } = [];

    /// <summary>The bar chart's categories in axis order; every series' point X indexes this.</summary>
    public IReadOnlyList<string> Cases { get; init; } = [];

    public string Title => $"{Benchmark} — {Metric}";

    public string SvgFileName => FileStem + ".svg";

    public string PngFileName => FileStem + ".png";

    public IEnumerable<Measurement> Measurements => Series.SelectMany(s => s.Points).Select(p => p.Measurement);

    /// <summary>The value whose unit prefix the value axis takes (<see cref="Text.UnitReference"/>); tables take it too (<see cref="ChartUnits"/>).</summary>
    public double ValueReference => Text.UnitReference.Of(Measurements.Select(m => m.Value));
}
