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

    public MeasurementPolicy Apply(ParseResult parse, MeasurementPolicy policy)
    {
        if (parse.GetValue(Quick))
        {
            policy = MeasurementPolicy.Quick;
        }

        try
        {
            if (parse.GetValue(Budget) is { } budget)
            {
                policy = policy with { CaseBudget = DurationText.Parse(budget) };
            }

            if (parse.GetValue(TargetCi) is { } ci)
            {
                Quantity q = Quantity.Parse(ci);
                policy = policy with { TargetRelativeCi = q.Value };
            }
        }
        catch (FormatException e)
        {
            throw new BadInputException(e.Message);
        }

        policy = policy with
        {
            WarmupCount = parse.GetValue(Warmup) ?? policy.WarmupCount,
            MinSamples = parse.GetValue(MinSamples) ?? policy.MinSamples,
            MaxSamples = parse.GetValue(MaxSamples) ?? Math.Max(policy.MaxSamples, parse.GetValue(MinSamples) ?? 0),
        };
        if (policy.MinSamples > policy.MaxSamples)
        {
            policy = policy with { MinSamples = policy.MaxSamples };
        }

        policy.Validate();
        return policy;
    }
}
