using AiBench.Core.Results;

namespace AiBench.Reporting.Charts;

/// <summary>One point of a chart: a measurement, where it goes on the x axis (sweeps) and its category label (bars).</summary>
public sealed record ChartPoint(Measurement Measurement, string Label, double X);

/// <summary>A line of a sweep chart, or the single set of bars of a bar chart.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

/// <summary>
/// What to draw for one benchmark + metric: a sweep (median against a size parameter on a log2 axis) when
/// <see cref="SweepParameter"/> is set, a timeline when <see cref="IsTimeline"/>, else one bar per case. <see cref="FileStem"/> is unique within a run.
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

    public string Title => $"{Benchmark} — {Metric}";

    public string SvgFileName => FileStem + ".svg";

    public string PngFileName => FileStem + ".png";

    public IEnumerable<Measurement> Measurements => Series.SelectMany(s => s.Points).Select(p => p.Measurement);
}
