using AiBench.Core.Results;

namespace AiBench.Core.Comparing;

/// <summary>
/// What a compared figure is: its <see cref="Results.Measurement.Key"/> (benchmark, metric, params, labels: the identity
/// under which runs are matched) and its parts, so a report needs no parsing of the key.
/// </summary>
public sealed record MeasurementIdentity
{
    public required string Key { get; init; }

    public required string Benchmark { get; init; }

    public required string Metric { get; init; }

    public required string Unit { get; init; }

    public required Direction Better { get; init; }

    /// <summary>Parameter values as run.json writes them, in the benchmark's own order.</summary>
    public required IReadOnlyDictionary<string, string> Params { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public static MeasurementIdentity Of(Measurement m) => new()
    {
        Key = m.Key,
        Benchmark = m.Benchmark,
        Metric = m.Metric,
        Unit = m.Unit,
        Better = m.Better,
        Params = m.Params.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal),
        Labels = m.Labels,
    };
}
