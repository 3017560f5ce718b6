using AiBench.Core.Measuring;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// How mamf mode times each shape of its grid "briefly" under the fast method: the case's budget split evenly over
/// the shapes (at least <see cref="MinimumShapeBudget"/> each), at most <see cref="MaxSamplesPerShape"/> samples, and a
/// looser precision target — ranking shapes needs a few samples, not a tight interval. The mamf-finder method takes
/// one sample per shape, as mamf-finder does (<see cref="ForMamfFinder"/>).
/// </summary>
internal static class MamfPolicy
{
    public const int MaxSamplesPerShape = 10;

    public const double TargetSampleSeconds = 0.02;

    public static readonly TimeSpan MinimumShapeBudget = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The mamf-finder method: a sample is one call of its benchmark_mm, which does its own warm-up products, so the
    /// policy adds none; a sweep takes one sample per shape, as mamf-finder (a fixed shape keeps the case's policy).
    /// </summary>
    public static MeasurementPolicy ForMamfFinder(MeasurementPolicy casePolicy, int shapes, bool sweep) => sweep
        ? casePolicy with
        {
            WarmupCount = 0,
            WarmupTime = TimeSpan.Zero,
            MinSamples = 1,
            MaxSamples = 1,
            TargetRelativeCi = 0,
            CaseBudget = Share(casePolicy, shapes),
        }
        : casePolicy with { WarmupCount = 0, WarmupTime = TimeSpan.Zero };

    public static MeasurementPolicy ForShape(MeasurementPolicy casePolicy, int shapes)
    {
        int minSamples = Math.Min(casePolicy.MinSamples, 3);
        return casePolicy with
        {
            WarmupCount = Math.Min(casePolicy.WarmupCount, 1),
            WarmupTime = TimeSpan.Zero,
            MinSamples = minSamples,
            MaxSamples = Math.Max(minSamples, Math.Min(casePolicy.MaxSamples, MaxSamplesPerShape)),
            TargetRelativeCi = Math.Max(casePolicy.TargetRelativeCi, 0.02),
            CaseBudget = Share(casePolicy, shapes),
        };
    }

    private static TimeSpan Share(MeasurementPolicy casePolicy, int shapes)
    {
        TimeSpan share = casePolicy.CaseBudget / Math.Max(1, shapes);
        return share > MinimumShapeBudget ? share : MinimumShapeBudget;
    }
}
