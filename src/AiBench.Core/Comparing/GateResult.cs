namespace AiBench.Core.Comparing;

/// <summary>
/// <c>aibench gate</c>'s decision on two stored runs: one finding per base measurement (and per measurement with too few
/// samples), the comparison it rests on, and whether any finding is a <see cref="GateOutcome.Regression"/>.
/// </summary>
public sealed record GateResult
{
    public const string SchemaId = "aibench.gate/1";

    public string Schema { get; init; } = SchemaId;

    public required double MaxRegression { get; init; }

    public required bool Failed { get; init; }

    public required IReadOnlyList<GateFinding> Findings { get; init; }

    public required RunComparison Comparison { get; init; }

    public int Count(GateOutcome outcome) => Findings.Count(f => f.Outcome == outcome);
}
