using AiBench.Core.Measuring;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// How mamf mode times each shape of its grid "briefly": the case's budget split evenly over the shapes (at least
/// <see cref="MinimumShapeBudget"/> each), at most <see cref="MaxSamplesPerShape"/> samples, and a looser precision
/// target — ranking shapes needs a few samples, not a tight interval.
/// </summary>
internal static class MamfPolicy
{
    public const int MaxSamplesPerShape = 10;

    public const double TargetSampleSeconds = 0.02;

    public static readonly TimeSpan MinimumShapeBudget = TimeSpan.FromMilliseconds(200);

    public static MeasurementPolicy ForShape(MeasurementPolicy casePolicy, int shapes)
    {
        int minSamples = Math.Min(casePolicy.MinSamples, 3);
        TimeSpan share = casePolicy.CaseBudget / Math.Max(1, shapes);
        return casePolicy with
        {
            WarmupCount = Math.Min(casePolicy.WarmupCount, 1),
            WarmupTime = TimeSpan.Zero,
            MinSamples = minSamples,
            MaxSamples = Math.Max(minSamples, Math.Min(casePolicy.MaxSamples, MaxSamplesPerShape)),
            TargetRelativeCi = Math.Max(casePolicy.TargetRelativeCi, 0.02),
            CaseBudget = share > MinimumShapeBudget ? share : MinimumShapeBudget,
        };
    }
}
