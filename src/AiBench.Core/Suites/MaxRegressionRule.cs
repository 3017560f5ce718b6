using System.Globalization;
using AiBench.Core.Results;
using AiBench.Core.Statistics;

namespace AiBench.Core.Suites;

/// <summary>
/// <c>max_regression: 5%</c> — against the same measurement of a reference run (<c>--compare</c>), the figure
/// must not be worse by more than the threshold, judged by <see cref="SampleComparer"/> on the raw samples.
/// Without a reference run the rule does not apply.
/// </summary>
public sealed record MaxRegressionRule(double Threshold) : Rule
{
    public override string Describe() => $"regression <= {(Threshold * 100).ToString("0.##", CultureInfo.InvariantCulture)}%";

    public override RuleOutcome Evaluate(Measurement measurement, RuleContext context)
    {
        if (context.ReferenceRun is not { } reference)
        {
            return new RuleOutcome(VerdictStatus.None, "no reference run given (--compare)");
        }

        string key = measurement.Key;
        Measurement? before = reference.Measurements.FirstOrDefault(m => m.Key == key);
        if (before is null || before.Samples.Count == 0)
        {
            return new RuleOutcome(VerdictStatus.Fail, $"the reference run {reference.RunId} has no such measurement");
        }

        (double? ratio, ChangeVerdict? judged) = SampleComparer.Compare(before.Samples, measurement.Samples, measurement.Better, Threshold);
        if (judged is not { } verdict)
        {
            // NaN, infinite, zero or negative samples on a side: no regression can be measured, nor ruled out.
            return new RuleOutcome(VerdictStatus.None, $"cannot be compared with {reference.RunId}: a side has no finite, positive samples");
        }

        string change = ratio is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"{r:0.000}x of {reference.RunId}")
            : $"against {reference.RunId} (no ratio: a side has samples at or below zero)";
        return verdict == ChangeVerdict.Worse
            ? new RuleOutcome(VerdictStatus.Fail, $"regressed: {change}")
            : new RuleOutcome(VerdictStatus.Pass, $"{verdict.ToString().ToLowerInvariant()}: {change}");
    }
}
