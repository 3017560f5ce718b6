using System.Globalization;
using AiBench.Core.Units;
using ScottPlot.TickGenerators;

namespace AiBench.Reporting.Charts;

/// <summary>
/// A log2 axis for size sweeps. ScottPlot 5 has no log axis: the chart plots log2(size) and this labels the
/// integer ticks with the sizes they stand for (its <c>LogMinorTickGenerator</c> is base 10 only).
/// </summary>
internal static class SizeAxis
{
    public static NumericAutomatic TickGenerator(bool bytes) => new()
    {
        IntegerTicksOnly = true,
        LabelFormatter = x => Label(bytes, Math.Pow(2, x)),
    };

    public static string Label(bool bytes, double value) =>
        bytes
            ? ByteSize.FormatBinary(Math.Round(value))
            : Math.Round(value).ToString("0", CultureInfo.InvariantCulture);
}
