using AiBench.Core.History;
using AiBench.Core.Results;
using Xunit;

namespace AiBench.Tests.Gates;

public class HistoryAnalyzerTests
{
    [Fact]
    public void A_slowdown_names_its_first_run_and_size_and_is_the_latest_regression()
    {
        // Given out of order: the analyzer orders by start time.
        var runs = Enumerable.Range(0, 10).Select(i => SyntheticRuns.TwoFigures($"run{i}", i * 10, i < 6 ? 100e9 : 88e9, 1e-6, cv: 0.01, seed: i)).Reverse().ToList();

        RunHistory history = HistoryAnalyzer.Analyze(runs, 0.05);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"run{i}"), history.Runs.Select(r => r.RunId));
        MetricHistory triad = history.Metrics.Single(m => m.Measurement.Metric == "triad");
        ChangePoint shift = Assert.Single(triad.ChangePoints);
        Assert.Equal("run6", shift.RunId);
        Assert.Equal(0.12, shift.WorseBy, 2);
        Assert.True(shift.IsRegression);
        Assert.Empty(history.Metrics.Single(m => m.Measurement.Metric == "latency").ChangePoints);
        Assert.True(history.LatestShiftRegressed);
    }

    [Fact]
    public void A_recovered_slowdown_is_not_the_latest_regression()
    {
        var runs = Enumerable.Range(0, 15).Select(i => SyntheticRuns.TwoFigures($"run{i}", i, i is >= 5 and < 10 ? 80e9 : 100e9, 1e-6, cv: 0.01, seed: i)).ToList();

        RunHistory history = HistoryAnalyzer.Analyze(runs, 0.05);

        MetricHistory triad = history.Metrics.Single(m => m.Measurement.Metric == "triad");
        Assert.Equal(["run5", "run10"], triad.ChangePoints.Select(c => c.RunId));
        Assert.Equal([true, false], triad.ChangePoints.Select(c => c.IsRegression));
        Assert.False(history.LatestShiftRegressed);
    }

    [Fact]
    public void A_latency_increase_is_a_regression()
    {
        var runs = Enumerable.Range(0, 8).Select(i => SyntheticRuns.TwoFigures($"run{i}", i, 100e9, i < 4 ? 1e-6 : 1.2e-6, cv: 0.01, seed: i)).ToList();

        MetricHistory latency = HistoryAnalyzer.Analyze(runs, 0.05).Metrics.Single(m => m.Measurement.Metric == "latency");

        Assert.True(Assert.Single(latency.ChangePoints).IsRegression);
    }

    [Fact]
    public void Points_carry_median_and_ci()
    {
        var runs = Enumerable.Range(0, 3).Select(i => SyntheticRuns.TwoFigures($"run{i}", i, 100e9, 1e-6, seed: i)).ToList();
        HistoryPoint p = HistoryAnalyzer.Analyze(runs, 0.05).Metrics[0].Points[0];
        Assert.True(p.CiLower <= p.Median && p.Median <= p.CiUpper);
        Assert.Equal(20, p.Samples);
    }
}
