namespace AiBench.Core.Measuring;

/// <summary>
/// How to measure one case (BenchmarkDotNet's Job, in spirit): warm-up, how many samples, when precise
/// enough, and a hard time budget. Repeats always stop — at the size a pilot planned for the target precision,
/// at <see cref="MaxSamples"/>, or when <see cref="CaseBudget"/> runs out — never unbounded.
/// </summary>
public sealed record MeasurementPolicy
{
    /// <summary>Untimed runs before sampling starts.</summary>
    public int WarmupCount { get; init; } = 1;

    /// <summary>Keep warming up at least this long (clocks ramp, caches and TLBs fill).</summary>
    public TimeSpan WarmupTime { get; init; } = TimeSpan.Zero;

    /// <summary>The fewest samples a figure gets when the precision target plans its size (never fewer than 6 then, see <see cref="SampleSizePlan"/>).</summary>
    public int MinSamples { get; init; } = 5;

    public int MaxSamples { get; init; } = 100;

    /// <summary>
    /// Plan the sample so that the 95% CI of the median is expected within ±this fraction of the median: a pilot
    /// sizes it, then it is measured fresh (<see cref="SampleSizePlan"/>). 0 = always <see cref="MaxSamples"/>.
    /// </summary>
    public double TargetRelativeCi { get; init; } = 0.01;

    /// <summary>Hard wall-clock budget for the case, warm-up included.</summary>
    public TimeSpan CaseBudget { get; init; } = TimeSpan.FromSeconds(20);

    public static MeasurementPolicy Default { get; } = new();

    /// <summary>For smoke runs and tests: a couple of samples, a short budget.</summary>
    public static MeasurementPolicy Quick { get; } = new()
    {
        WarmupCount = 1, MinSamples = 3, MaxSamples = 10, TargetRelativeCi = 0.05, CaseBudget = TimeSpan.FromSeconds(3),
    };

    public void Validate()
    {
        if (WarmupCount < 0 || MinSamples < 1 || MaxSamples < MinSamples || TargetRelativeCi < 0 || CaseBudget <= TimeSpan.Zero)
        {
            throw new Errors.BadInputException(
                $"invalid measurement policy: warmup={WarmupCount}, min={MinSamples}, max={MaxSamples}, ci={TargetRelativeCi}, budget={CaseBudget}");
        }
    }
}
