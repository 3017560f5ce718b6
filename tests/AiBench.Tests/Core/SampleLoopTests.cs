using AiBench.Core.Measuring;
using Xunit;

namespace AiBench.Tests.Core;

public class SampleLoopTests
{
    [Fact]
    public void Stops_at_max_samples_after_warmup()
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
    public void Stops_early_when_precise_enough()
    {
        var policy = new MeasurementPolicy { WarmupCount = 0, MinSamples = 5, MaxSamples = 1000, TargetRelativeCi = 0.01 };
        SampleSeries series = SampleLoop.Run(policy, () => 42.0, CancellationToken.None);
        Assert.Equal(StopReason.TargetPrecision, series.StopReason);
        Assert.Equal(5, series.Samples.Length);
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
