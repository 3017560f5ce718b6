using AiBench.Core.Errors;
using AiBench.Core.Parameters;
using AiBench.Core.Units;
using Xunit;
using Xunit.Abstractions;

namespace AiBench.Tests.Fuzzing;

/// <summary>
/// Mutated unit texts through every unit parser. Their contract is a finite value or a FormatException (the parameter
/// kinds': bad input), which every caller turns into bad input at its place; anything else fails.
/// </summary>
public class UnitParserFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Seeds =
    [
        "4096", "4k", "1MiB", "8G", "1MB", "25Gb/s", "3.35TB/s", "1gbit", "100mbit", "500ms", "2s", "1.5m", "1h", "250us",
        "400 GB/s", "700 TFLOP/s", "5%", "0.75", "1e3", "12 op/s",
    ];

    private static readonly ParameterDefinition[] Kinds =
    [
        new("size", ParameterKind.Size, "4k", "a size"),
        new("count", ParameterKind.Integer, "1", "an integer"),
        new("ratio", ParameterKind.Number, "0.5", "a number"),
        new("time", ParameterKind.Duration, "1s", "a duration"),
    ];

    [Fact]
    public void Mutated_unit_texts_parse_to_finite_values_or_are_bad_input() =>
        new FuzzTarget(output, "unit parsers").Run(InputMutations.From(Seeds), text =>
        {
            foreach (ParameterDefinition kind in Kinds)
            {
                RefusedOrFinite(() => SweepText.Expand(kind, text).Select(v => v.AsDouble()).ToArray());
            }

            RefusedOrFinite(() => [Quantity.Parse(text).Value]);
            RefusedOrFinite(() => [DataRate.ParseBytesPerSecond(text)]);
            RefusedOrFinite(() => [DurationText.Parse(text).TotalSeconds]);
            RefusedOrFinite(() => [ByteSize.Parse(text)]);
            RefusedOrFinite(() => [FractionText.Parse(text)]);
        });

    /// <summary>Each parser on its own: one refusing must not keep the others from being reached.</summary>
    private static void RefusedOrFinite(Func<double[]> parse)
    {
        double[] values;
        try
        {
            values = parse();
        }
        catch (FormatException)
        {
            return;
        }
        catch (BadInputException e) when (!e.Message.Contains('\n', StringComparison.Ordinal))
        {
            return;
        }

        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new InvalidOperationException("a unit parser returned a value that is not finite");
        }
    }
}
