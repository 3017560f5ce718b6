using System.Globalization;
using AiBench.Core.Results;
using ScottPlot.TickGenerators;

namespace AiBench.Reporting.Charts;

/// <summary>
/// A log10 value axis for times and latencies that span more than <see cref="Span"/>: on a linear axis the small
/// ones (a p50 of 60 µs beside a max of 40 ms) sit on zero. ScottPlot has no log axis, so charts plot log10 of the
/// displayed value and <see cref="TickGenerator"/> labels the integer ticks as powers of ten.
/// </summary>
internal static class LogValueAxis
{
    public const double Span = 100;

    public static bool Suits(IReadOnlyCollection<Measurement> measurements) =>
        measurements.Count > 0
        && measurements.All(m => m.Better == Direction.Lower && m.Value > 0 && (m.Stats?.P5 ?? m.Value) > 0)
        && measurements.Max(m => m.Value) / measurements.Min(m => m.Value) > Span;

    public static NumericAutomatic TickGenerator() => new()
    {
        IntegerTicksOnly = true,
        LabelFormatter = y => Math.Pow(10, y).ToString("G4", CultureInfo.InvariantCulture),
    };
}
