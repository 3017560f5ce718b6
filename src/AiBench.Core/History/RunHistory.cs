using AiBench.Core.Comparing;

namespace AiBench.Core.History;

/// <summary><c>aibench history</c>'s result (history.json, schema <c>aibench.history/1</c>): runs by start time, and per metric its points and shifts.</summary>
public sealed record RunHistory
{
    public const string SchemaId = "aibench.history/1";

    public string Schema { get; init; } = SchemaId;

    public required double Threshold { get; init; }

    public required IReadOnlyList<ComparedRun> Runs { get; init; }

    public required IReadOnlyList<MetricHistory> Metrics { get; init; }

    public bool LatestShiftRegressed => Metrics.Any(m => m.LatestRegression is not null);
}
