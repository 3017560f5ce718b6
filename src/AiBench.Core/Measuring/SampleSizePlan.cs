using AiBench.Core.Statistics;

namespace AiBench.Core.Measuring;

/// <summary>
/// How many samples a case measures when it has a precision target: a pilot's confidence interval of the median
/// sizes the sample, which is then measured fresh and not looked at again. Stopping at the first of repeated looks
/// whose interval is narrow enough (optional stopping) picks the samples that happen to bunch, and its 95% interval
/// covered the true median of skewed and heavy-tailed series only 89-92% of the time (MedianCiCoverageTests); a
/// sample whose size does not depend on its own values keeps the interval's fixed-size coverage.
/// </summary>
public static class SampleSizePlan
{
    /// <summary>
    /// The smallest sample whose range holds the median with at least the default confidence: 6 for 95%
    /// (1 − 2·0.5⁶ = 96.9%; five samples: 93.75%). The interval is clamped to the sample range, so a smaller sample
    /// cannot cover as often as its level says.
    /// </summary>
    public static int SmallestSample { get; } =
        (int)Math.Ceiling(Math.Log2(2 / (1 - SampleStatisticsEstimator.DefaultConfidenceLevel)));

    /// <summary>Samples measured to size the sample and then set aside: the fewest that give a median's interval.</summary>
    public static int PilotSamples => SmallestSample;

    /// <summary>The fewest samples a planned sample has: the policy's minimum, and never fewer than <see cref="SmallestSample"/>.</summary>
    public static int Floor(MeasurementPolicy policy) => Math.Min(policy.MaxSamples, Math.Max(policy.MinSamples, SmallestSample));

    /// <summary>Whether the policy asks for a pilot: a precision target, and room between the floor and the maximum.</summary>
    public static bool UsesPilot(MeasurementPolicy policy) => policy.TargetRelativeCi > 0 && policy.MaxSamples > Floor(policy);

    /// <summary>
    /// The sample size at which the interval should reach the target: its half-width shrinks as 1/√n, so
    /// n = pilot · (pilot half-width / target)², between <see cref="Floor"/> and the maximum. The pilot's interval
    /// uses Student's t with its n − 1 degrees of freedom, which already widens the plan for a pilot this small
    /// (Stein's two-stage sample size).
    /// </summary>
    public static int FromPilot(IReadOnlyList<double> pilot, MeasurementPolicy policy)
    {
        double halfWidth = SampleStatisticsEstimator.Estimate(pilot).RelativeCiHalfWidth;
        double ratio = halfWidth / policy.TargetRelativeCi;
        double planned = Math.Ceiling(pilot.Count * ratio * ratio);
        return (int)Math.Clamp(double.IsFinite(planned) ? planned : policy.MaxSamples, Floor(policy), policy.MaxSamples);
    }
}
