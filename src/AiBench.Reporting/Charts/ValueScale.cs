using AiBench.Core.Units;

namespace AiBench.Reporting.Charts;

/// <summary>One display prefix for a whole axis (GB/s, TFLOP/s, µs), picked from the largest value on it.</summary>
internal readonly record struct ValueScale(double Factor, string Unit)
{
    public static ValueScale For(IEnumerable<double> values, string unit)
    {
        double reference = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        (double scaled, string scaledUnit) = UnitFormatter.Scale(reference, unit);
        return new ValueScale(scaled == 0 ? 1 : reference / scaled, scaledUnit);
    }

    public double Apply(double value) => value / Factor;
}
