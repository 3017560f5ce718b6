namespace AiBench.Core.Comparing;

/// <summary>
/// Two runs compared measurement by measurement (<c>aibench compare</c>, the input of <c>aibench gate</c>):
/// every measurement both have, and those only one has. Written as <c>compare.json</c> (schema <c>aibench.compare/1</c>).
/// </summary>
public sealed record RunComparison
{
    public const string SchemaId = "aibench.compare/1";

    public string Schema { get; init; } = SchemaId;

    public required ComparedRun Base { get; init; }

    public required ComparedRun Run { get; init; }

    /// <summary>The relative change (0.05 = 5%) the equivalence test must show beyond.</summary>
    public required double Threshold { get; init; }

    /// <summary>Samples per side below which no test is made.</summary>
    public required int MinSamples { get; init; }

    public required IReadOnlyList<ComparedMeasurement> Measurements { get; init; }

    public required IReadOnlyList<UnmatchedMeasurement> OnlyInBase { get; init; }

    public required IReadOnlyList<UnmatchedMeasurement> OnlyInRun { get; init; }
}
