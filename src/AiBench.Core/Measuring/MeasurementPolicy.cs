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

    /// <summary>Samples are held in one array per case, so their count is bounded.</summary>
    public const int MaxSampleLimit = 1_000_000;

    /// <summary>The field names as written in a suite's <c>policy:</c> mapping.</summary>
    public static IReadOnlyList<string> FieldNames { get; } = ["warmup", "warmup_time", "min_samples", "max_samples", "target_ci", "budget"];

    public void Validate() => Validate(field => $"policy {field}");

    /// <summary>Refuses an unusable policy, naming the field as the user wrote it (<c>--budget</c>, <c>s.yaml: policy.budget</c>).</summary>
    /// <param name="nameOf">maps a name of <see cref="FieldNames"/> to the option or YAML path it came from.</param>
    public void Validate(Func<string, string> nameOf)
    {
        string? problem =
            WarmupCount < 0 ? $"{nameOf("warmup")} must be 0 or more, got {WarmupCount}"
            : WarmupTime < TimeSpan.Zero ? $"{nameOf("warmup_time")} must not be negative, got {Units.DurationText.Format(WarmupTime)}"
            : MinSamples < 1 ? $"{nameOf("min_samples")} must be at least 1, got {MinSamples}"
            : MaxSamples > MaxSampleLimit ? $"{nameOf("max_samples")} must be at most {MaxSampleLimit}, got {MaxSamples}"
            : MaxSamples < MinSamples ? $"{nameOf("min_samples")} {MinSamples} is above {nameOf("max_samples")} {MaxSamples}"
            : !(TargetRelativeCi is >= 0 and <= 1) ? $"{nameOf("target_ci")} must be between 0 and 100%, got {TargetRelativeCi:P2}"
            : CaseBudget <= TimeSpan.Zero ? $"{nameOf("budget")} must be positive, got {Units.DurationText.Format(CaseBudget)}"
            : null;
        if (problem is not null)
        {
            throw new Errors.BadInputException(problem);
        }
    }
}
