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
        IReadOnlyList<double> reference, IReadOnlyList<double> candidate, Direction better, double relativeThreshold) =>
        reference.Count < MinSamplesForTest || candidate.Count < MinSamplesForTest
            ? null
            : Equivalence(new Sample(reference.ToArray()), new Sample(candidate.ToArray()), better, relativeThreshold);

    public static (double Ratio, ChangeVerdict Verdict) Compare(
        IReadOnlyList<double> reference, IReadOnlyList<double> candidate, Direction better, double relativeThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfZero(reference.Count, nameof(reference));
        ArgumentOutOfRangeException.ThrowIfZero(candidate.Count, nameof(candidate));
        var x = new Sample(reference.ToArray());
        var y = new Sample(candidate.ToArray());
        double ratio = Toolkit.Ratio(y, x).NominalValue;

        ChangeVerdict verdict;
        if (reference.Count < 3 || candidate.Count < 3)
        {
            verdict = Math.Abs(ratio - 1) <= relativeThreshold ? ChangeVerdict.Same : Direct(ratio > 1, better);
        }
        else
        {
            verdict = Equivalence(x, y, better, relativeThreshold);
        }

        return (ratio, verdict);
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
