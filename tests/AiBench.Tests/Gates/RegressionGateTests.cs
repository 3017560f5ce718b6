using AiBench.Core.Comparing;
using AiBench.Core.Results;
using Xunit;

namespace AiBench.Tests.Gates;

public class RegressionGateTests
{
    [Fact]
    public void A_real_10_percent_slowdown_fails_the_gate_with_the_figures_in_the_reason()
    {
        GateResult gate = Gate(SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6, seed: 1), SyntheticRuns.TwoFigures("run", 5, 90e9, 1.1e-6, seed: 2));

        Assert.True(gate.Failed);
        GateFinding triad = gate.Findings.Single(f => f.Measurement.Metric == "triad");
        Assert.Equal(GateOutcome.Regression, triad.Outcome);
        Assert.Equal(0.10, triad.WorseBy!.Value, 2);
        Assert.Contains($"worse by {(triad.WorseBy.Value * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}%", triad.Reason, StringComparison.Ordinal);
        Assert.Contains("90.", triad.Reason, StringComparison.Ordinal);
        Assert.Contains("n=20/20", triad.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Like_runs_pass()
    {
        GateResult gate = Gate(SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6, cv: 0.03, seed: 1), SyntheticRuns.TwoFigures("run", 5, 100e9, 1e-6, cv: 0.03, seed: 2));

        Assert.False(gate.Failed);
        Assert.All(gate.Findings, f => Assert.Equal(GateOutcome.Pass, f.Outcome));
    }

    [Fact]
    public void An_improvement_passes()
    {
        Assert.False(Gate(SyntheticRuns.TwoFigures("base", 0, 90e9, 1.1e-6, seed: 1), SyntheticRuns.TwoFigures("run", 5, 100e9, 1e-6, seed: 2)).Failed);
    }

    [Fact]
    public void A_shift_inside_the_runs_own_sample_noise_does_not_fail()
    {
        // Samples scattering by ~8% each: an 8% shift between two such runs is what like runs minutes apart show.
        GateResult gate = Gate(SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6, n: 40, cv: 0.08, seed: 1), SyntheticRuns.TwoFigures("run", 5, 92e9, 1.08e-6, n: 40, cv: 0.08, seed: 2));

        Assert.False(gate.Failed);
        Assert.All(gate.Findings, f => Assert.True(f.Allowed > 0.10, f.Reason));
    }

    [Fact]
    public void Too_few_samples_are_listed_and_do_not_fail()
    {
        GateResult gate = Gate(SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6, n: 3, seed: 1), SyntheticRuns.TwoFigures("run", 5, 50e9, 2e-6, n: 3, seed: 2));

        Assert.False(gate.Failed);
        Assert.All(gate.Findings, f => Assert.Equal(GateOutcome.NotEnoughSamples, f.Outcome));
        Assert.All(gate.Findings, f => Assert.Contains("at least 5 each", f.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_measurement_missing_from_the_run_is_listed_and_does_not_fail()
    {
        Run before = SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6);
        GateResult gate = Gate(before, SyntheticRuns.Run("run", before.StartedAt.AddMinutes(5), before.Measurements[0]));

        Assert.False(gate.Failed);
        Assert.Equal(GateOutcome.Missing, gate.Findings.Single(f => f.Measurement.Metric == "latency").Outcome);
    }

    private static GateResult Gate(Run before, Run after) => RegressionGate.Judge(RunComparer.Compare(before, after, 0.05));
}
