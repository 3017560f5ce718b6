using AiBench.Core.Results;
using AiBench.Core.Statistics;
using Xunit;

namespace AiBench.Tests.Core;

public class StatisticsTests
{
    [Fact]
    public void Moments_and_extremes_match_hand_computed_values()
    {
        double[] samples = [2, 4, 4, 4, 5, 5, 7, 9];
        SampleStatistics s = SampleStatisticsEstimator.Estimate(samples);
        Assert.Equal(8, s.N);
        Assert.Equal(5.0, s.Mean, 12);
        Assert.Equal(2.0, s.Min);
        Assert.Equal(9.0, s.Max);
        Assert.Equal(Math.Sqrt(32.0 / 7), s.StdDev, 12); // sample (n-1) standard deviation
        Assert.Equal(Math.Sqrt(32.0 / 7) / 5, s.Cv, 12);
    }

    [Fact]
    public void Rates_of_equal_work_average_as_total_work_over_total_time()
    {
        // The same 1 GB moved in 1 s and in 3 s: 2 GB in 4 s is 0.5 GB/s; the rates' arithmetic mean says 0.667 GB/s.
        double[] rates = [1e9, 1e9 / 3];
        Assert.Equal(0.5e9, SampleStatisticsEstimator.Estimate(rates, SampleKind.RateOfEqualWork).Mean, 6);
        Assert.Equal(2e9 / 3, SampleStatisticsEstimator.Estimate(rates).Mean, 6);

        // Everything but the mean (and CV = stddev / mean) is the samples' own, whatever their kind.
        SampleStatistics harmonic = SampleStatisticsEstimator.Estimate(rates, SampleKind.RateOfEqualWork);
        SampleStatistics arithmetic = SampleStatisticsEstimator.Estimate(rates, SampleKind.Quantity);
        Assert.Equal(arithmetic with { Mean = harmonic.Mean, Cv = harmonic.Cv }, harmonic);
        Assert.Equal(harmonic.StdDev / 0.5e9, harmonic.Cv, 12);
    }

    [Fact]
    public void Rates_over_equal_time_are_already_total_work_over_total_time_as_their_arithmetic_mean()
    {
        // Two 1 s segments moving 1 GB and 0.3 GB: 1.3 GB in 2 s.
        Assert.Equal(0.65e9, SampleStatisticsEstimator.Estimate([1e9, 0.3e9], SampleKind.Quantity).Mean, 6);
    }

    [Fact]
    public void A_repetition_at_zero_rate_never_finished_so_the_mean_rate_is_zero()
    {
        Assert.Equal(0, SampleStatisticsEstimator.Estimate([5.0, 0, 7], SampleKind.RateOfEqualWork).Mean);
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleStatisticsEstimator.Estimate([5.0, -1], SampleKind.RateOfEqualWork));
    }

    [Fact]
    public void Harrell_Davis_median_of_a_symmetric_sample_is_its_centre()
    {
        double[] samples = Enumerable.Range(1, 101).Select(i => (double)i).ToArray();
        SampleStatistics s = SampleStatisticsEstimator.Estimate(samples);
        Assert.Equal(51.0, s.Median, 6);
        Assert.True(s.P5 is > 5 and < 7, $"p5 {s.P5}");
        Assert.True(s.P95 is > 95 and < 97, $"p95 {s.P95}");
        Assert.True(s.CiLower < 51 && s.CiUpper > 51 && s.CiUpper - s.CiLower < 20, $"CI [{s.CiLower}, {s.CiUpper}]");
    }

    [Fact]
    public void Confidence_interval_narrows_with_more_samples()
    {
        var random = new Random(1);
        double[] Draw(int n) => Enumerable.Range(0, n).Select(_ => 100 + random.NextDouble()).ToArray();
        double narrow = SampleStatisticsEstimator.Estimate(Draw(400)).RelativeCiHalfWidth;
        double wide = SampleStatisticsEstimator.Estimate(Draw(10)).RelativeCiHalfWidth;
        Assert.True(narrow < wide, $"{narrow} should be < {wide}");
    }

    [Fact]
    public void A_constant_sample_has_no_spread()
    {
        SampleStatistics s = SampleStatisticsEstimator.Estimate([3.0, 3.0, 3.0]);
        Assert.Equal(3.0, s.Median);
        Assert.Equal(0, s.Cv);
        Assert.Equal(0, s.RelativeCiHalfWidth);
    }

    [Fact]
    public void A_clear_slowdown_is_worse_for_a_higher_is_better_metric()
    {
        double[] before = [100, 101, 99, 100, 102, 98, 100, 101, 99, 100];
        double[] after = before.Select(x => x * 0.8).ToArray();
        (double? ratio, ChangeVerdict? verdict) = SampleComparer.Compare(before, after, Direction.Higher, 0.05);
        Assert.Equal(0.8, ratio!.Value, 2);
        Assert.Equal(ChangeVerdict.Worse, verdict);
        Assert.Equal(ChangeVerdict.Better, SampleComparer.Compare(after, before, Direction.Higher, 0.05).Verdict);
        Assert.Equal(ChangeVerdict.Better, SampleComparer.Compare(before, after, Direction.Lower, 0.05).Verdict);
    }

    [Fact]
    public void Noise_within_the_threshold_is_the_same()
    {
        double[] before = [100, 101, 99, 100, 102, 98, 100, 101, 99, 100];
        double[] after = before.Select(x => x * 0.99).ToArray();
        Assert.Equal(ChangeVerdict.Same, SampleComparer.Compare(before, after, Direction.Higher, 0.05).Verdict);
    }
}
