using System.Globalization;
using AiBench.Core.Units;

namespace AiBench.Core.Comparing;

/// <summary>
/// Decides a CI gate from a <see cref="RunComparison"/> made at the gate's threshold. A measurement is a regression only
/// when both hold: the equivalence test shows it worse beyond the threshold (α = 0.05), and its median is worse by more
/// than the threshold plus the noise allowance, the larger relative sample spread of the two runs. Like runs minutes
/// apart differ by about as much as their samples scatter (within-run CIs shrink with n, that scatter does not), so a
/// shift inside it is not evidence of a slower build. Too few samples and missing measurements are listed, never passed
/// silently, and do not fail the gate: they show no regression.
/// </summary>
public static class RegressionGate
{
    public static GateResult Judge(RunComparison comparison)
    {
        var findings = new List<GateFinding>();
        findings.AddRange(comparison.Measurements.Select(m => Judge(m, comparison.Threshold)));
        findings.AddRange(comparison.OnlyInBase.Select(m => new GateFinding(
            m.Measurement, GateOutcome.Missing, null, null, null, $"not in run {comparison.Run.RunId} (base has it, n={Count(m.Samples)})")));
        return new GateResult
        {
            MaxRegression = comparison.Threshold,
            Failed = findings.Any(f => f.Outcome == GateOutcome.Regression),
            Findings = findings,
            Comparison = comparison,
        };
    }

    private static GateFinding Judge(ComparedMeasurement m, double threshold)
    {
        double allowed = threshold + m.Noise;
        string figures = Figures(m, threshold);
        if (m.Verdict == ComparedVerdict.NotEnoughSamples)
        {
            return new GateFinding(m.Measurement, GateOutcome.NotEnoughSamples, m.Verdict, m.WorseBy, allowed,
                $"not enough samples to test (n={Count(m.BaseSamples)} base, {Count(m.RunSamples)} run; at least {Count(Statistics.SampleComparer.MinSamplesForTest)} each): {figures}");
        }

        bool regression = m.Verdict == ComparedVerdict.Worse && m.WorseBy > allowed;
        string why = (m.Verdict, regression) switch
        {
            (_, true) => "regression",
            (ComparedVerdict.Worse, false) => "worse, but within threshold + noise",
            (ComparedVerdict.Better, _) => "better",
            _ => "no change beyond the threshold shown",
        };
        return new GateFinding(m.Measurement, regression ? GateOutcome.Regression : GateOutcome.Pass, m.Verdict, m.WorseBy, allowed, $"{why}: {figures}");
    }

    /// <summary><c>median 9.0 GB/s vs 10.0 GB/s (base), worse by 10.0% (allowed 5.0% + 1.2% noise), n=20/20</c>.</summary>
    private static string Figures(ComparedMeasurement m, double threshold)
    {
        string unit = m.Measurement.Unit;
        string medians = m.BaseMedian is { } b && m.RunMedian is { } r
            ? $"median {UnitFormatter.Format(r, unit)} vs {UnitFormatter.Format(b, unit)} (base)"
            : "no samples on a side";
        string change = m.WorseBy is { } w ? $", {(w >= 0 ? "worse" : "better")} by {Percent(Math.Abs(w))}" : "";
        return $"{medians}{change} (allowed {Percent(threshold)} + {Percent(m.Noise)} noise), n={Count(m.BaseSamples)}/{Count(m.RunSamples)}";
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
