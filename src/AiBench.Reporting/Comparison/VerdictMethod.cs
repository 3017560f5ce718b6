using AiBench.Core.Statistics;
using AiBench.Reporting.Gates;

namespace AiBench.Reporting.Comparison;

/// <summary>
/// The test behind every better / worse on a comparison page, named where the verdicts are shown, with the
/// threshold it ran at: compare.md, compare.json and comparison.html judge alike (<see cref="Core.Comparing.RunComparer.Judge"/>).
/// </summary>
public static class VerdictMethod
{
    public static string Describe(double threshold) =>
        $"Verdicts: Mann-Whitney equivalence test on the raw samples (Perfolizer's SimpleEquivalenceTest) at ± {GateText.Percent(threshold)}, "
        + $"α = 0.05, in each metric's better direction; at least {GateText.Count(SampleComparer.MinSamplesForTest)} samples a side, "
        + "else not enough samples and no test.";
}
