using AiBench.Core.Measuring;
using AiBench.Core.Statistics;
using Xunit;

namespace AiBench.Tests.Core;

public class SampleSizePlanTests
{
    private static readonly MeasurementPolicy Policy = new() { MinSamples = 5, MaxSamples = 100, TargetRelativeCi = 0.01 };

    [Fact]
    public void Six_samples_are_the_fewest_whose_range_holds_the_median_95_percent_of_the_time()
    {
        Assert.Equal(6, SampleSizePlan.SmallestSample);
        Assert.True(1 - 2 * Math.Pow(0.5, 6) >= 0.95);
        Assert.True(1 - 2 * Math.Pow(0.5, 5) < 0.95);
        Assert.Equal(6, SampleSizePlan.Floor(Policy));
        Assert.Equal(10, SampleSizePlan.Floor(Policy with { MinSamples = 10 }));
        Assert.Equal(4, SampleSizePlan.Floor(Policy with { MinSamples = 3, MaxSamples = 4 }));
    }

    [Fact]
    public void The_pilot_s_half_width_sizes_the_sample_as_one_over_root_n()
    {
        double[] pilot = [100, 101, 99, 102, 98, 100.5];
        double halfWidth = SampleStatisticsEstimator.Estimate(pilot).RelativeCiHalfWidth;
        var policy = Policy with { TargetRelativeCi = halfWidth / 2 }; // twice as narrow: four times the pilot
        Assert.Equal(24, SampleSizePlan.FromPilot(pilot, policy));
        Assert.Equal(96, SampleSizePlan.FromPilot(pilot, policy with { TargetRelativeCi = halfWidth / 4 }));
        Assert.Equal(100, SampleSizePlan.FromPilot(pilot, policy with { TargetRelativeCi = halfWidth / 8 }));
        Assert.Equal(6, SampleSizePlan.FromPilot(pilot, policy with { TargetRelativeCi = halfWidth * 2 }));
        Assert.Equal(6, SampleSizePlan.FromPilot([5.0, 5, 5, 5, 5, 5], policy));
    }

    [Fact]
    public void A_pilot_only_runs_when_a_target_leaves_room_between_the_floor_and_the_maximum()
    {
        Assert.True(SampleSizePlan.UsesPilot(Policy));
        Assert.False(SampleSizePlan.UsesPilot(Policy with { TargetRelativeCi = 0 }));
        Assert.False(SampleSizePlan.UsesPilot(Policy with { MinSamples = 3, MaxSamples = 6 }));
    }
}
