using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Units;

namespace AiBench.Reporting.Text;

/// <summary>
/// A parameter value as people read it, from the parameter's unit: bytes with binary prefixes (<c>8 MiB</c>, as sizes
/// are written), seconds scaled (<c>30 s</c>, <c>250 ms</c>), rates with SI prefixes (<c>2 GB/s</c>), percents as
/// <c>70%</c>. Words (<c>auto</c>), text and counts read as stored.
/// </summary>
public static class ParameterValueText
{
    public static string Format(ParameterDescription? parameter, ParameterValue value) =>
        value.Number is { } n && parameter?.Unit is { } unit ? WithUnit(n, unit) ?? value.ToString() : value.ToString();

    /// <summary>For files older than run.json 1.1, which do not say a parameter's unit: sizes guessed from the name, as before.</summary>
    public static string FormatByName(string name, ParameterValue value) =>
        value.Number is { } n && ParameterNames.IsByteSize(name) && n >= 1024 && n == Math.Floor(n)
            ? ByteSize.FormatBinary(n)
            : value.ToString();

    private static string? WithUnit(double n, string unit) => unit switch
    {
        Unit.Bytes => ByteSize.FormatBinary(n),
        Unit.Seconds or Unit.BytesPerSecond or Unit.FlopsPerSecond or Unit.OperationsPerSecond => UnitFormatter.Format(n, unit),
        "%" => UnitFormatter.FormatNumber(n) + "%",
        // Counted things (elements): the parameter's name already says what is counted.
        _ => null,
    };
}
