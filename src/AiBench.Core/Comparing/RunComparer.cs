using AiBench.Core.Results;
using AiBench.Core.Statistics;

namespace AiBench.Core.Comparing;

/// <summary>
/// Lines up two runs by <see cref="Measurement.Key"/> (benchmark, metric, params, labels) and judges each shared
/// measurement with <see cref="SampleComparer.Test"/>: the equivalence test over Mann-Whitney at the threshold,
/// direction-aware. Rows keep the base run's order, then nothing is dropped: unmatched measurements are listed per side.
/// </summary>
public static class RunComparer
{
    /// <summary>The threshold when none is given: 5%, above the few-percent drift of like runs on one machine.</summary>
    public const double DefaultThreshold = 0.05;

    public static RunComparison Compare(Run baseRun, Run run, double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(threshold, 1);
        Dictionary<string, Measurement> before = ByKey(baseRun);
        Dictionary<string, Measurement> after = ByKey(run);
        return new RunComparison
        {
            Base = Side(baseRun),
            Run = Side(run),
            Threshold = threshold,
            MinSamples = SampleComparer.MinSamplesForTest,
            Measurements = before.Values.Where(m => after.ContainsKey(m.Key)).Select(m => Judge(m, after[m.Key], threshold)).ToList(),
            OnlyInBase = before.Values.Where(m => !after.ContainsKey(m.Key)).Select(Unmatched).ToList(),
            OnlyInRun = after.Values.Where(m => !before.ContainsKey(m.Key)).Select(Unmatched).ToList(),
        };
    }

    /// <summary>The median the comparison states: Harrell-Davis over the samples, as run.json's stats have it.</summary>
    public static double? Median(IReadOnlyList<double> samples) =>
        samples.Count == 0 ? null : SampleStatisticsEstimator.Estimate(samples).Median;

    private static Dictionary<string, Measurement> ByKey(Run run)
    {
        // A key repeated within one run (never written by AiBench) keeps its first measurement, as the reports do.
        var byKey = new Dictionary<string, Measurement>(StringComparer.Ordinal);
        foreach (Measurement m in run.Measurements)
        {
            byKey.TryAdd(m.Key, m);
        }

        return byKey;
    }

    private static ComparedRun Side(Run run) => new(run.RunId, run.Suite, run.System.Host, run.StartedAt);

    /// <summary>
    /// One measurement of a run against the same one of a base: medians, ratio, change and the equivalence test's verdict.
    /// The one source of verdicts: compare, gate and the HTML comparison pages all judge through it. It takes the finite
    /// samples only (<see cref="UsableSamples"/>): a NaN or infinite sample is neither counted nor tested.
    /// </summary>
    public static ComparedMeasurement Judge(Measurement before, Measurement after, double threshold)
    {
        IReadOnlyList<double> baseSamples = UsableSamples.Finite(before.Samples), runSamples = UsableSamples.Finite(after.Samples);
        double? baseMedian = Median(baseSamples);
        double? runMedian = Median(runSamples);
        ChangeVerdict? verdict = SampleComparer.Test(baseSamples, runSamples, after.Better, threshold);
        return new ComparedMeasurement
        {
            Measurement = MeasurementIdentity.Of(after),
            BaseSamples = baseSamples.Count,
            RunSamples = runSamples.Count,
            BaseMedian = baseMedian,
            RunMedian = runMedian,
            Ratio = UsableSamples.Ratio(baseSamples, runSamples),
            WorseBy = baseMedian is { } b && runMedian is { } r && b != 0 ? UsableSamples.IfFinite(WorseBy(b, r, after.Better)) : null,
            Noise = Math.Max(SampleNoise.Relative(baseSamples), SampleNoise.Relative(runSamples)),
            Verdict = verdict switch
            {
                null => ComparedVerdict.NotEnoughSamples,
                ChangeVerdict.Better => ComparedVerdict.Better,
                ChangeVerdict.Worse => ComparedVerdict.Worse,
                _ => ComparedVerdict.Same,
            },
        };
    }

    /// <summary>How much worse the run's median is, as a fraction of the base's, in the metric's better direction.</summary>
    public static double WorseBy(double baseMedian, double runMedian, Direction better) =>
        better == Direction.Higher ? (baseMedian - runMedian) / Math.Abs(baseMedian) : (runMedian - baseMedian) / Math.Abs(baseMedian);

    private static UnmatchedMeasurement Unmatched(Measurement m)
    {
        IReadOnlyList<double> samples = UsableSamples.Finite(m.Samples);
        return new(MeasurementIdentity.Of(m), samples.Count, Median(samples));
    }
}
