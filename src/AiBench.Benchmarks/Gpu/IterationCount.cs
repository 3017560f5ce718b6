using AiBench.Core.Errors;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// How many operations (products, kernel launches, copies) one sample times back-to-back between two events:
/// <c>auto</c> picks enough for a sample to last about <see cref="TargetSampleSeconds"/>, so event resolution and
/// launch gaps do not count; a number fixes it.
/// </summary>
internal static class IterationCount
{
    public const double TargetSampleSeconds = 0.03;

    public const int MaxIterations = 100_000;

    /// <summary>Operations per sample for a sample of about <paramref name="targetSeconds"/>, at least <paramref name="minimum"/>.</summary>
    public static int Auto(double secondsPerOperation, double targetSeconds = TargetSampleSeconds, int minimum = 1)
    {
        if (!(secondsPerOperation > 0) || double.IsInfinity(secondsPerOperation))
        {
            return minimum;
        }

        return (int)Math.Clamp(Math.Round(targetSeconds / secondsPerOperation), minimum, MaxIterations);
    }
}
