using AiBench.Core.Hosts;

namespace AiBench.Core.Results;

/// <summary>One invocation of AiBench: what ran, where, and every figure it produced (schema <c>aibench.run/1.2</c>).</summary>
public sealed record Run
{
    /// <summary>Minor version 1 adds <see cref="Benchmarks"/> and <see cref="Measurement.Resolved"/>; 1.0 files still read.</summary>
    public const string SchemaId = "aibench.run/1.2";

    public string Schema { get; init; } = SchemaId;

    public required string RunId { get; init; }

    public required RunStatus Status { get; init; }

    public required VerdictStatus Verdict { get; init; }

    public required ToolInfo Tool { get; init; }

    /// <summary>The suite name, or the single benchmark id when run directly.</summary>
    public string? Suite { get; init; }

    public string? CommandLine { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public required SystemInfo System { get; init; }

    /// <summary>
    /// Each benchmark that ran, by id, with its typed parameters, so readers show values in their unit. Empty in files
    /// older than 1.1, whose readers fall back to guessing from parameter names.
    /// </summary>
    public IReadOnlyDictionary<string, BenchmarkDescription> Benchmarks { get; init; } = new Dictionary<string, BenchmarkDescription>();

    public required IReadOnlyList<Measurement> Measurements { get; init; }

    public IReadOnlyList<RunError> Errors { get; init; } = [];

    /// <summary>Rule outcomes that have no measurement to hang on (a missing measurement fails its rule).</summary>
    public IReadOnlyList<MeasurementVerdict> RuleFailures { get; init; } = [];
}
