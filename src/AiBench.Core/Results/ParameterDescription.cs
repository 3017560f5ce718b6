using AiBench.Core.Parameters;

namespace AiBench.Core.Results;

/// <summary>
/// A parameter as run.json describes it (schema 1.1): enough for a reader to show its values in their unit without
/// knowing the benchmark (<c>part-size</c> as 8 MiB, <c>duration</c> as 10 s).
/// </summary>
public sealed record ParameterDescription(string Name, ParameterKind Kind, string Default, string Description)
{
    /// <summary>The unit of a numeric value: <c>B</c> for sizes and <c>s</c> for durations even where the benchmark names none.</summary>
    public string? Unit { get; init; }

    /// <summary>For <see cref="ParameterKind.Choice"/>: the words accepted.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>Words accepted besides values of <see cref="Kind"/> (<c>auto</c>); the benchmark resolves them (see <see cref="Measurement.Resolved"/>).</summary>
    public IReadOnlyList<string>? Words { get; init; }

    public static ParameterDescription Of(ParameterDefinition definition) =>
        new(definition.Name, definition.Kind, definition.Default, definition.Description)
        {
            // Sizes are parsed to bytes and durations to seconds whatever the definition says, so the unit is known.
            Unit = definition.Unit ?? definition.Kind switch
            {
                ParameterKind.Size => Units.Unit.Bytes,
                ParameterKind.Duration => Units.Unit.Seconds,
                _ => null,
            },
            AllowedValues = definition.AllowedValues,
            Words = definition.Words,
        };
}
