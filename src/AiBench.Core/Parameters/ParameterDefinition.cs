using System.Globalization;
using AiBench.Core.Errors;
using AiBench.Core.Units;

namespace AiBench.Core.Parameters;

/// <summary>One typed parameter of a benchmark: its name, kind, default, unit and allowed values.</summary>
public sealed record ParameterDefinition(string Name, ParameterKind Kind, string Default, string Description)
{
    /// <summary>Unit shown in <c>aibench list</c> ("B", "s", "elements").</summary>
    public string? Unit { get; init; }

    /// <summary>For <see cref="ParameterKind.Choice"/>: the words accepted.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    public double? Minimum { get; init; }

    /// <summary>
    /// Words accepted besides values of <see cref="Kind"/>, kept as text (<c>auto</c> for a size the benchmark
    /// derives from the hardware); anything else must parse as the kind, so typos fail before a run starts.
    /// </summary>
    public IReadOnlyList<string>? Words { get; init; }

    public double? Maximum { get; init; }

    /// <summary>False for a value that is itself a list (<c>get=45,head=30</c>): commas do not make a sweep.</summary>
    public bool IsSweepable { get; init; } = true;

    /// <summary>Parses and validates one value (not a list); throws <see cref="BadInputException"/> naming the parameter.</summary>
    public ParameterValue Parse(string text)
    {
        text = text.Trim();
        if (Words?.FirstOrDefault(w => string.Equals(w, text, StringComparison.OrdinalIgnoreCase)) is { } word)
        {
            return ParameterValue.Of(word);
        }

        ParameterValue value = Kind switch
        {
            ParameterKind.Integer => ParameterValue.Of(ParseInteger(text)),
            ParameterKind.Number => ParameterValue.Of(ParseNumber(text)),
            ParameterKind.Size => ParameterValue.Of(ParseWith(text, t => ByteSize.Parse(t))),
            ParameterKind.Duration => ParameterValue.Of(ParseWith(text, t => DurationText.Parse(t).TotalSeconds)),
            ParameterKind.Boolean => ParameterValue.Of(ParseBoolean(text)),
            ParameterKind.Choice => ParameterValue.Of(ParseChoice(text)),
            ParameterKind.Text => ParameterValue.Of(text),
            _ => throw new InvalidOperationException($"unknown parameter kind {Kind}"),
        };
        if (value.Number is { } n)
        {
            if (Minimum is { } min && n < min)
            {
                throw Bad(text, $"must be at least {min.ToString(CultureInfo.InvariantCulture)}");
            }

            if (Maximum is { } max && n > max)
            {
                throw Bad(text, $"must be at most {max.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return value;
    }

    private double ParseInteger(string text)
    {
        // Integers accept size-style suffixes too ("m=8k" is a common way to write 8192 in sweeps).
        // Values travel as doubles: beyond ±2^53 they would silently stop being whole (and overflow as long).
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long whole))
        {
            return Math.Abs((double)whole) <= ByteSize.MaxBytes ? whole : throw Bad(text, "is beyond ±2^53");
        }

        if (ByteSize.TryParse(text, out long scaled, out _))
        {
            return scaled;
        }

        throw Bad(text, "is not a whole number");
    }

    private double ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)
            ? d
            : throw Bad(text, "is not a number");

    private bool ParseBoolean(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "1" => true,
        "false" or "no" or "off" or "0" => false,
        _ => throw Bad(text, "is not true or false"),
    };

    private string ParseChoice(string text)
    {
        string? match = AllowedValues?.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase));
        return match ?? throw Bad(text, $"is not one of {string.Join(", ", AllowedValues ?? [])}");
    }

    private double ParseWith(string text, Func<string, double> parse)
    {
        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            // The unit parsers' messages already quote the text.
            throw new BadInputException($"parameter '{Name}': {e.Message}");
        }
    }

    private BadInputException Bad(string text, string why) =>
        new($"parameter '{Name}': value '{text}' {why}");
}
