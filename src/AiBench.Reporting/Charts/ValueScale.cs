using AiBench.Core.Units;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Charts;

/// <summary>One display prefix for a whole axis (GB/s, TFLOP/s, µs), picked as the table picks it (<see cref="UnitReference"/>).</summary>
internal readonly record struct ValueScale(double Factor, string Unit)
{
    public static ValueScale For(IEnumerable<double> values, string unit) => For(UnitReference.Of(values), unit);

    /// <summary>The scale of a chart's value axis, the one its figures take in the tables as well.</summary>
    public static ValueScale For(ChartSpec spec) => For(spec.ValueReference, spec.Unit);

    public static ValueScale For(double reference, string unit)
    {
        (double scaled, string scaledUnit) = UnitFormatter.Scale(reference, unit);
        return new ValueScale(scaled == 0 ? 1 : reference / scaled, scaledUnit);
    }

    public double Apply(double value) => value / Factor;
}
