using AiBench.Core.Comparing;
using AiBench.Core.Results;
using Xunit;

namespace AiBench.Tests.Gates;

public class RunComparerTests
{
    [Fact]
    public void A_real_10_percent_slowdown_is_worse_in_both_directions_of_better()
    {
        Run before = SyntheticRuns.TwoFigures("base", 0, triad: 100e9, latency: 1e-6, seed: 1);
        Run after = SyntheticRuns.TwoFigures("run", 5, triad: 90e9, latency: 1.1e-6, seed: 2);

        RunComparison c = RunComparer.Compare(before, after, 0.05);

        Assert.All(c.Measurements, m => Assert.Equal(ComparedVerdict.Worse, m.Verdict));
        ComparedMeasurement triad = c.Measurements.Single(m => m.Measurement.Metric == "triad");
        Assert.Equal(0.10, triad.WorseBy!.Value, 2);
        Assert.Equal(0.90, triad.Ratio!.Value, 2);
        Assert.Equal(0.10, c.Measurements.Single(m => m.Measurement.Metric == "latency").WorseBy!.Value, 2);
    }

    [Fact]
    public void The_same_slowdown_the_other_way_round_is_better()
    {
        Run slow = SyntheticRuns.TwoFigures("slow", 0, triad: 90e9, latency: 1.1e-6, seed: 1);
        Run fast = SyntheticRuns.TwoFigures("fast", 5, triad: 100e9, latency: 1e-6, seed: 2);

        RunComparison c = RunComparer.Compare(slow, fast, 0.05);

        Assert.All(c.Measurements, m => Assert.Equal(ComparedVerdict.Better, m.Verdict));
        Assert.All(c.Measurements, m => Assert.True(m.WorseBy < 0));
    }

    [Fact]
    public void Identical_distributions_are_the_same()
    {
        Run before = SyntheticRuns.TwoFigures("base", 0, triad: 100e9, latency: 1e-6, cv: 0.03, seed: 1);
        Run after = SyntheticRuns.TwoFigures("run", 5, triad: 100e9, latency: 1e-6, cv: 0.03, seed: 2);

        Assert.All(RunComparer.Compare(before, after, 0.05).Measurements, m => Assert.Equal(ComparedVerdict.Same, m.Verdict));
    }

    [Fact]
    public void A_shift_smaller_than_the_threshold_is_the_same()
    {
        Run before = SyntheticRuns.TwoFigures("base", 0, triad: 100e9, latency: 1e-6, seed: 1);
        Run after = SyntheticRuns.TwoFigures("run", 5, triad: 98e9, latency: 1.02e-6, seed: 2);

        Assert.All(RunComparer.Compare(before, after, 0.05).Measurements, m => Assert.Equal(ComparedVerdict.Same, m.Verdict));
    }

    [Fact]
    public void Too_few_samples_are_stated_not_tested()
    {
        Run before = SyntheticRuns.TwoFigures("base", 0, triad: 100e9, latency: 1e-6, n: 4, seed: 1);
        Run after = SyntheticRuns.TwoFigures("run", 5, triad: 50e9, latency: 2e-6, n: 20, seed: 2);

        RunComparison c = RunComparer.Compare(before, after, 0.05);

        Assert.Equal(5, c.MinSamples);
        Assert.All(c.Measurements, m => Assert.Equal(ComparedVerdict.NotEnoughSamples, m.Verdict));
        Assert.All(c.Measurements, m => Assert.Equal(4, m.BaseSamples));
    }

    [Fact]
    public void Measurements_on_one_side_only_are_listed_per_side()
    {
        Run before = SyntheticRuns.TwoFigures("base", 0, triad: 100e9, latency: 1e-6);
        Run after = SyntheticRuns.Run("run", before.StartedAt.AddMinutes(5),
            before.Measurements[0], SyntheticRuns.Figure("cpu.gemm", "throughput", Direction.Higher, SyntheticRuns.Samples(1e11, 10, 0.01, 3), "FLOP/s"));

        RunComparison c = RunComparer.Compare(before, after, 0.05);

        Assert.Equal(["triad"], c.Measurements.Select(m => m.Measurement.Metric));
        Assert.Equal(["latency"], c.OnlyInBase.Select(m => m.Measurement.Metric));
        Assert.Equal(["throughput"], c.OnlyInRun.Select(m => m.Measurement.Metric));
    }

    [Fact]
    public void Measurements_are_matched_by_params_too()
    {
        Run before = SyntheticRuns.TwoFigures("base", 0, triad: 100e9, latency: 1e-6);
        Measurement other = before.Measurements[0] with { Params = new Dictionary<string, AiBench.Core.Parameters.ParameterValue> { ["kernel"] = AiBench.Core.Parameters.ParameterValue.Of("copy") } };
        Run after = SyntheticRuns.Run("run", before.StartedAt.AddMinutes(5), other, before.Measurements[1]);

        RunComparison c = RunComparer.Compare(before, after, 0.05);

        Assert.Single(c.Measurements);
        Assert.Single(c.OnlyInBase);
        Assert.Single(c.OnlyInRun);
    }
}
