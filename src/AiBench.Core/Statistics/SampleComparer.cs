using AiBench.Core.Results;
using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace AiBench.Core.Statistics;

/// <summary>
/// Distribution-free comparison of two sample sets, as BenchmarkDotNet's statistical-test column does:
/// the size of the change is Pragmastat's <c>Ratio</c> estimator (candidate / reference), the verdict
/// Perfolizer's <see cref="SimpleEquivalenceTest"/> over the Mann-Whitney test with a relative threshold.
/// With fewer than 3 samples on a side no test has power; the medians are compared with the threshold instead.
/// <see cref="Test"/> makes no such fallback: it refuses fewer than <see cref="MinSamplesForTest"/> samples a side.
/// Both take the finite samples only (<see cref="UsableSamples"/>).
/// </summary>
public static class SampleComparer
{
    /// <summary>
    /// Samples per side below which <see cref="Test"/> makes no test: a one-sided Mann-Whitney test at α = 0.05 cannot
    /// reject with 3 a side (its smallest p-value is 1/20) and barely with 4 (1/70).
    /// </summary>
    public const int MinSamplesForTest = 5;

    /// <summary>
    /// The equivalence test's verdict on <paramref name="candidate"/> against <paramref name="reference"/>: worse or
    /// better only when a shift beyond <paramref name="relativeThreshold"/> is shown at α = 0.05; null when a side has
    /// fewer than <see cref="MinSamplesForTest"/> samples.
    /// </summary>
    public static ChangeVerdict? Test(
        IReadOnlyList<double> reference, IReadOnlyList<double> candidate, Direction better, double relativeThreshold)
    {
        IReadOnlyList<double> x = UsableSamples.Finite(reference), y = UsableSamples.Finite(candidate);
        return x.Count < MinSamplesForTest || y.Count < MinSamplesForTest
            ? null
            : Equivalence(new Sample(x.ToArray()), new Sample(y.ToArray()), better, relativeThreshold);
    }

    /// <summary>
    /// The ratio (candidate / reference) and the verdict; null for what the samples cannot give: the ratio when a side
    /// is not all positive, the verdict when a side has no finite sample or, with fewer than 3, no ratio to judge by.
    /// </summary>
    public static (double? Ratio, ChangeVerdict? Verdict) Compare(
        IReadOnlyList<double> reference, IReadOnlyList<double> candidate, Direction better, double relativeThreshold)
    {
        IReadOnlyList<double> x = UsableSamples.Finite(reference), y = UsableSamples.Finite(candidate);
        double? ratio = UsableSamples.Ratio(x, y);
        if (x.Count == 0 || y.Count == 0)
        {
            return (ratio, null);
        }

        if (x.Count < 3 || y.Count < 3)
        {
            return (ratio, ratio is { } r ? Math.Abs(r - 1) <= relativeThreshold ? ChangeVerdict.Same : Direct(r > 1, better) : null);
        }

        return (ratio, Equivalence(new Sample(x.ToArray()), new Sample(y.ToArray()), better, relativeThreshold));
    }

    private static ChangeVerdict Equivalence(Sample x, Sample y, Direction better, double relativeThreshold)
    {
#pragma warning disable CS0618 // Perfolizer marks MannWhitneyTest obsolete in favour of Pragmastat's Compare2, which 3.2.4 does not ship yet.
        var test = new SimpleEquivalenceTest(MannWhitneyTest.Instance);
#pragma warning restore CS0618
        var threshold = Threshold.Parse(FormattableString.Invariant($"{relativeThreshold * 100}%"));
        return test.Perform(y, x, threshold, SignificanceLevel.P05) switch
        {
            ComparisonResult.Greater => Direct(true, better),
            ComparisonResult.Lesser => Direct(false, better),
            _ => ChangeVerdict.Same,
        };
    }

    private static ChangeVerdict Direct(bool increased, Direction better) =>
        increased == (better == Direction.Higher) ? ChangeVerdict.Better : ChangeVerdict.Worse;
}
