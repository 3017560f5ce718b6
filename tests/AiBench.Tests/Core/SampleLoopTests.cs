using AiBench.Core.Measuring;
using Xunit;

namespace AiBench.Tests.Core;

public class SampleLoopTests
{
    [Fact]
    public void Stops_at_max_samples_after_warmup_without_a_precision_target()
    {
        int calls = 0;
        var policy = new MeasurementPolicy { WarmupCount = 2, MinSamples = 3, MaxSamples = 7, TargetRelativeCi = 0, CaseBudget = TimeSpan.FromSeconds(10) };
        SampleSeries series = SampleLoop.Run(policy, () => ++calls, CancellationToken.None);
        Assert.Equal(9, calls);
        Assert.Equal(2, series.WarmupRuns);
        Assert.Equal([3.0, 4, 5, 6, 7, 8, 9], series.Samples);
        Assert.Equal(StopReason.MaxSamples, series.StopReason);
    }

    [Fact]
    public void A_steady_pilot_plans_the_smallest_sample_which_is_then_measured_fresh()
    {
        int calls = 0;
        var policy = new MeasurementPolicy { WarmupCount = 0, MinSamples = 5, MaxSamples = 1000, TargetRelativeCi = 0.01 };
        SampleSeries series = SampleLoop.Run(policy, () => 42.0 + 1e-9 * ++calls, CancellationToken.None);
        Assert.Equal(StopReason.PlannedSamples, series.StopReason);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => 42.0 + 1e-9 * i), series.PilotSamples);
        Assert.Equal(Enumerable.Range(7, 6).Select(i => 42.0 + 1e-9 * i), series.Samples); // 6: the fewest with a 95% CI of the median
    }

    [Fact]
    public void A_noisy_pilot_plans_a_larger_sample_up_to_the_maximum()
    {
        var random = new Random(3);
        var policy = new MeasurementPolicy { WarmupCount = 0, MinSamples = 5, MaxSamples = 40, TargetRelativeCi = 0.01 };
        SampleSeries wide = SampleLoop.Run(policy, () => 100 + 50 * random.NextDouble(), CancellationToken.None);
        Assert.Equal(40, wide.Samples.Length);
        Assert.Equal(6, wide.PilotSamples.Length);
        Assert.Equal(StopReason.PlannedSamples, wide.StopReason);

        SampleSeries planned = SampleLoop.Run(policy, () => 100 + 4 * random.NextDouble(), CancellationToken.None);
        Assert.Equal(SampleSizePlan.FromPilot(planned.PilotSamples, policy), planned.Samples.Length);
        Assert.InRange(planned.Samples.Length, 7, 39);
    }

    [Fact]
    public void Without_a_precision_target_there_is_no_pilot()
    {
        var policy = new MeasurementPolicy { WarmupCount = 0, MinSamples = 5, MaxSamples = 12, TargetRelativeCi = 0 };
        SampleSeries series = SampleLoop.Run(policy, () => 1.0, CancellationToken.None);
        Assert.Equal(12, series.Samples.Length);
        Assert.Empty(series.PilotSamples);
        Assert.Equal(StopReason.MaxSamples, series.StopReason);
    }

    [Fact]
    public void When_the_budget_ends_the_planned_sample_the_pilot_joins_it()
    {
        int calls = 0;
        var policy = new MeasurementPolicy { WarmupCount = 0, MinSamples = 5, MaxSamples = 1000, TargetRelativeCi = 0.001, CaseBudget = TimeSpan.FromMilliseconds(400) };
        SampleSeries series = SampleLoop.Run(policy, () =>
        {
            if (++calls > 6)
            {
                Thread.Sleep(100); // after the pilot, slow: the budget ends the planned 1000 long before
            }

            return calls % 2 == 0 ? 1.0 : 2.0;
        }, CancellationToken.None);
        Assert.Equal(StopReason.Budget, series.StopReason);
        Assert.Empty(series.PilotSamples);
        Assert.Equal(calls, series.Samples.Length);
        Assert.InRange(series.Samples.Length, 7, 12);
    }

    [Fact]
    public void The_budget_bounds_the_loop_but_one_sample_is_always_taken()
    {
        var policy = new MeasurementPolicy { WarmupCount = 5, MinSamples = 5, MaxSamples = 1000, TargetRelativeCi = 0, CaseBudget = TimeSpan.FromMilliseconds(30) };
        SampleSeries series = SampleLoop.Run(policy, () => { Thread.Sleep(20); return 1; }, CancellationToken.None);
        Assert.Equal(StopReason.Budget, series.StopReason);
        Assert.InRange(series.Samples.Length, 1, 2);
        Assert.True(series.Elapsed < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Cancellation_stops_sampling()
    {
        using var cts = new CancellationTokenSource();
        int calls = 0;
        var policy = new MeasurementPolicy { WarmupCount = 0, MinSamples = 1, MaxSamples = 100, TargetRelativeCi = 0 };
        SampleSeries series = SampleLoop.Run(policy, () => { if (++calls == 3) { cts.Cancel(); } return calls; }, cts.Token);
        Assert.Equal(StopReason.Cancelled, series.StopReason);
        Assert.Equal(3, series.Samples.Length);
    }
}
