using System.CommandLine;
using AiBench.Core.Errors;
using AiBench.Core.Measuring;
using AiBench.Core.Units;

namespace AiBench.Cli.Commands;

/// <summary>Command-line overrides of the suite's measurement policy (warm-up, sample counts, precision, budget).</summary>
internal sealed class PolicyOptions
{
    public Option<bool> Quick { get; } = new("--quick") { Description = "Smoke-test policy: few samples, 3 s per case" };

    public Option<string?> Budget { get; } = new("--budget") { Description = "Hard time budget per case (e.g. 5s, 500ms)" };

    public Option<int?> Warmup { get; } = new("--warmup") { Description = "Untimed warm-up runs per case" };

    public Option<int?> MinSamples { get; } = new("--min-samples") { Description = "Minimum samples per case" };

    public Option<int?> MaxSamples { get; } = new("--max-samples") { Description = "Maximum samples per case" };

    public Option<string?> TargetCi { get; } = new("--target-ci") { Description = "Stop when the median's 95% CI is within ± this (e.g. 1%)" };

    public IEnumerable<Option> All => [Quick, Budget, Warmup, MinSamples, MaxSamples, TargetCi];

    /// <summary>
    /// The suite's policy with the options applied. An explicit option wins over the suite's value (one sample bound
    /// moves the other when they would cross); two options that contradict each other are refused, never adjusted.
    /// </summary>
    public MeasurementPolicy Apply(ParseResult parse, MeasurementPolicy policy)
    {
        if (parse.GetValue(Quick))
        {
            policy = MeasurementPolicy.Quick;
        }

        if (parse.GetValue(Budget) is { } budget)
        {
            policy = policy with { CaseBudget = Parsed(Budget, budget, DurationText.Parse) };
        }

        if (parse.GetValue(TargetCi) is { } ci)
        {
            policy = policy with { TargetRelativeCi = Parsed(TargetCi, ci, FractionText.Parse) };
        }

        int? min = parse.GetValue(MinSamples);
        int? max = parse.GetValue(MaxSamples);
        policy = policy with
        {
            WarmupCount = parse.GetValue(Warmup) ?? policy.WarmupCount,
            MinSamples = min ?? (max is { } m ? Math.Min(policy.MinSamples, m) : policy.MinSamples),
            MaxSamples = max ?? (min is { } n ? Math.Max(policy.MaxSamples, n) : policy.MaxSamples),
        };
        // After the suite's own check, only an option can make the policy invalid; warmup_time has no option.
        policy.Validate(field => All.FirstOrDefault(o => o.Name == "--" + field.Replace('_', '-'))?.Name ?? $"the suite's policy.{field}");
        return policy;
    }

    private static T Parsed<T>(Option option, string text, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            throw new BadInputException($"{option.Name}: {e.Message}");
        }
    }
}
