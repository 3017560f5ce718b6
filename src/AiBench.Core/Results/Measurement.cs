using System.Text.Json.Serialization;
using AiBench.Core.Parameters;
using AiBench.Core.Statistics;

namespace AiBench.Core.Results;

/// <summary>
/// One figure of a run: a metric of one benchmark case on one device, with its raw samples.
/// Labels are fields (device, rank, link), never encoded in the metric name.
/// </summary>
public sealed record Measurement
{
    public required string Benchmark { get; init; }

    /// <summary>Metric name within the benchmark: <c>throughput</c>, <c>triad</c>, <c>busbw</c>, <c>latency</c>.</summary>
    public required string Metric { get; init; }

    /// <summary>Canonical unit (see <see cref="Units.Unit"/>).</summary>
    public required string Unit { get; init; }

    public required Direction Better { get; init; }

    public IReadOnlyDictionary<string, ParameterValue> Params { get; init; } = new Dictionary<string, ParameterValue>();

    /// <summary>
    /// What the benchmark made of parameters it was left to choose (<c>size=auto</c> became 268435456, <c>threads=0</c>
    /// became 64); only those that differ from <see cref="Params"/>, which keeps the text asked for so keys stay stable.
    /// Null when nothing was resolved.
    /// </summary>
    public IReadOnlyDictionary<string, ParameterValue>? Resolved { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Every sample, in <see cref="Unit"/>, in the order measured.</summary>
    public required IReadOnlyList<double> Samples { get; init; }

    public SampleStatistics? Stats { get; init; }

    public Correctness? Correct { get; init; }

    /// <summary>
    /// The key under which a vendor baseline supplies the peak for this figure (e.g. <c>peak_tflops.bf16</c>,
    /// <c>memory.bandwidth</c>, <c>pcie</c>); null when no datasheet figure applies.
    /// </summary>
    public string? BaselineKey { get; init; }

    public BaselineComparison? Baseline { get; init; }

    public MeasurementVerdict? Verdict { get; init; }

    /// <summary>
    /// Why the figure does not measure what its name says (schema 1.2): a read-back the page cache could have answered.
    /// Null for a valid figure. An invalid figure fails every suite, with or without rules, and is flagged in reports.
    /// </summary>
    public string? Invalid { get; init; }

    /// <summary>Context worth keeping beside the figure: chosen algorithm, GPU clocks and throttle reasons, stop reason.</summary>
    public IReadOnlyDictionary<string, string>? Info { get; init; }

    /// <summary>The median if statistics are present, else the mean of the samples.</summary>
    [JsonIgnore] // derived from stats and samples; not stored twice in run.json
    public double Value => Stats?.Median ?? (Samples.Count > 0 ? Samples.Average() : double.NaN);

    /// <summary>Identity of the figure across runs: benchmark, metric, params and labels (for regressions and merges).</summary>
    [JsonIgnore]
    public string Key =>
        $"{Benchmark}/{Metric}[{string.Join(",", Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}]"
        + $"{{{string.Join(",", Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))}}}";
}
