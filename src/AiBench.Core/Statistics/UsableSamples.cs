using Pragmastat;

namespace AiBench.Core.Statistics;

/// <summary>
/// What the comparison statistics can take from a measurement's samples. A run.json may hold NaN, ±Infinity, zero or
/// negative samples (a figure a benchmark could not form, bus bandwidth without traffic, a hand-edited file), but the
/// rank tests and Harrell-Davis take finite values only, Pragmastat's ratio estimator positive ones only, and JSON
/// output finite results only. Every comparison (compare, gate, history, the comparison pages, max_regression) goes
/// through here, so no such sample reaches a library that throws on it.
/// </summary>
public static class UsableSamples
{
    /// <summary>The finite samples, in order.</summary>
    public static IReadOnlyList<double> Finite(IReadOnlyList<double> samples) =>
        samples.All(double.IsFinite) ? samples : samples.Where(double.IsFinite).ToArray();

    /// <summary>
    /// Pragmastat's ratio estimator (candidate / reference) over the finite samples; null when a side has none, a side
    /// holds a sample at or below zero (the ratio of such figures means nothing), or the ratio overflows.
    /// </summary>
    public static double? Ratio(IReadOnlyList<double> reference, IReadOnlyList<double> candidate)
    {
        IReadOnlyList<double> x = Finite(reference), y = Finite(candidate);
        if (x.Count == 0 || y.Count == 0 || x.Any(v => v <= 0) || y.Any(v => v <= 0))
        {
            return null;
        }

        return IfFinite(Toolkit.Ratio(new Sample(y.ToArray()), new Sample(x.ToArray())).NominalValue);
    }

    /// <summary>The value, or null when it is NaN or infinite (a quotient of extreme figures).</summary>
    public static double? IfFinite(double value) => double.IsFinite(value) ? value : null;
}
