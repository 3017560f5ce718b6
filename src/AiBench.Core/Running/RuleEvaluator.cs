using AiBench.Core.Results;
using AiBench.Core.Suites;

namespace AiBench.Core.Running;

/// <summary>
/// Applies a suite entry's rules to its measurements. Each measurement gets one verdict (the worst of its
/// rules, all rule texts kept); a wrong answer (<see cref="Correctness.Wrong"/> &gt; 0) always fails, and so does a
/// figure more than <see cref="PeakTolerance"/> above its datasheet peak (no hardware beats its datasheet: such a figure
/// is a measurement error, not a fast machine), and so does a figure its benchmark marked invalid; a rule that selects no measurement becomes a failure of its own.
/// </summary>
public static class RuleEvaluator
{
    public const string CorrectnessRule = "wrong == 0";

    public const string PhysicalRule = "at most the datasheet peak";

    public const string ValidityRule = "a valid figure";

    /// <summary>Datasheet peaks are rounded and boost clocks vary: 5% above is still read as the peak, not beyond it.</summary>
    public const double PeakTolerance = 1.05;

    public static IEnumerable<Measurement> Apply(
        PlannedBenchmark entry, IReadOnlyList<Measurement> measurements, RuleContext context, List<MeasurementVerdict> ruleFailures)
    {
        foreach (Rule rule in entry.Rules)
        {
            if (!measurements.Any(rule.Selects))
            {
                ruleFailures.Add(new MeasurementVerdict(VerdictStatus.Fail, $"{entry.Benchmark.Id}: {rule.Describe()}",
                    $"no measurement of {entry.Benchmark.Id}{(rule.Metric is null ? "" : $" metric '{rule.Metric}'")} was produced"));
            }
        }

        foreach (Measurement measurement in measurements)
        {
            var outcomes = new List<(string Rule, RuleOutcome Outcome)>();
            if (measurement.Correct is { Wrong: > 0 } correct)
            {
                outcomes.Add((CorrectnessRule, new RuleOutcome(VerdictStatus.Fail, $"{correct.Wrong} of {correct.Checked} checked values wrong")));
            }

            if (measurement.Invalid is { } invalid)
            {
                outcomes.Add((ValidityRule, new RuleOutcome(VerdictStatus.Fail, $"not a valid figure: {invalid}")));
            }

            // Only datasheet baselines: a link's line rate is no ceiling for tree or NVLS collectives' busbw.
            if (measurement.BaselineKey is not null && measurement.Baseline is { Efficiency: > PeakTolerance } peak)
            {
                outcomes.Add((PhysicalRule, new RuleOutcome(VerdictStatus.Fail,
                    $"{peak.Efficiency:P0} of the datasheet peak ({peak.Source}): not physical, a measurement error")));
            }

            foreach (Rule rule in entry.Rules.Where(r => r.Selects(measurement)))
            {
                outcomes.Add((rule.Describe(), rule.Evaluate(measurement, context)));
            }

            if (outcomes.Count == 0)
            {
                yield return measurement;
                continue;
            }

            VerdictStatus worst = outcomes.Max(o => Rank(o.Outcome.Status)) switch
            {
                2 => VerdictStatus.Fail,
                1 => VerdictStatus.Pass,
                _ => VerdictStatus.None,
            };
            yield return measurement with
            {
                Verdict = new MeasurementVerdict(
                    worst,
                    string.Join("; ", outcomes.Select(o => o.Rule)),
                    string.Join("; ", outcomes.Select(o => o.Outcome.Detail))),
            };
        }
    }

    private static int Rank(VerdictStatus status) => status switch
    {
        VerdictStatus.Fail or VerdictStatus.Error => 2,
        VerdictStatus.Pass => 1,
        _ => 0,
    };
}
