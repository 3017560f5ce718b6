using AiBench.Core.Fleet;
using AiBench.Core.Hosts;
using AiBench.Core.Results;
using Xunit;

namespace AiBench.Tests.Core;

public class FleetAnalyzerTests
{
    [Fact]
    public void The_slow_node_is_flagged_and_the_fast_one_is_not()
    {
        double[] triad = [2.97e12, 2.96e12, 2.98e12, 2.95e12, 2.40e12, 3.30e12, 2.97e12];
        var runs = triad.Select((v, i) => Node($"node{i}", v, Direction.Higher)).ToList();
        var findings = FleetAnalyzer.Analyze(runs);
        FleetFinding outlier = Assert.Single(findings, f => f.IsOutlier);
        Assert.Equal("node4", outlier.Host);
        Assert.True(outlier.Deviation < -0.15);
        Assert.False(findings.Single(f => f.Host == "node5").IsOutlier);   // faster than the fleet is not a fault
    }

    [Fact]
    public void For_lower_is_better_metrics_the_high_value_is_the_outlier()
    {
        double[] latency = [10e-6, 11e-6, 10e-6, 10.5e-6, 30e-6, 2e-6];
        var findings = FleetAnalyzer.Analyze(latency.Select((v, i) => Node($"n{i}", v, Direction.Lower)).ToList());
        Assert.Equal("n4", Assert.Single(findings, f => f.IsOutlier).Host);
    }

    [Fact]
    public void A_deviation_limit_flags_smaller_gaps()
    {
        double[] values = [100, 100, 100, 100, 92];
        var runs = values.Select((v, i) => Node($"n{i}", v, Direction.Higher)).ToList();
        Assert.DoesNotContain(FleetAnalyzer.Analyze(runs, maxDeviation: 0.10), f => f.IsOutlier);
        Assert.Equal("n4", Assert.Single(FleetAnalyzer.Analyze(runs, maxDeviation: 0.05), f => f.IsOutlier).Host);
    }

    [Fact]
    public void Keys_seen_on_fewer_than_three_nodes_are_not_judged() =>
        Assert.Empty(FleetAnalyzer.Analyze([Node("a", 1, Direction.Higher), Node("b", 100, Direction.Higher)]));

    private static Run Node(string host, double value, Direction better) => RunFileTests.SampleRun() with
    {
        RunId = $"run-{host}",
        System = SystemInfo.Unknown with { Host = host },
        Measurements =
        [
            new Measurement
            {
                Benchmark = "gpu.memory", Metric = "triad", Unit = better == Direction.Higher ? "B/s" : "s", Better = better,
                Labels = new Dictionary<string, string> { ["device"] = "0" }, Samples = [value, value],
                Stats = AiBench.Core.Statistics.SampleStatisticsEstimator.Estimate([value, value]),
            },
        ],
    };
}
