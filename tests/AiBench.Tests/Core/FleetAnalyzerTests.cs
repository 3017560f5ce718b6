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

    [Fact]
    public void A_30_percent_outlier_among_identical_nodes_is_flagged_with_a_finite_z()
    {
        double[] triad = [3e12, 3e12, 3e12, 2.1e12];
        var findings = FleetAnalyzer.Analyze(triad.Select((v, i) => Node($"n{i}", v, Direction.Higher)).ToList());
        FleetFinding outlier = Assert.Single(findings, f => f.IsOutlier);
        Assert.Equal("n3", outlier.Node);
        Assert.True(double.IsFinite(outlier.RobustZ) && outlier.RobustZ < -FleetAnalyzer.DefaultZThreshold, $"z = {outlier.RobustZ}");
        Assert.Equal(-0.30, outlier.Deviation, 6);
        Assert.All(findings.Where(f => !f.IsOutlier), f => Assert.Equal(0, f.RobustZ));
    }

    [Fact]
    public void A_2_percent_scatter_among_like_nodes_is_not_flagged()
    {
        double[] spread = [100, 98, 102, 99, 101, 100.5, 98.2];
        Assert.DoesNotContain(FleetAnalyzer.Analyze(spread.Select((v, i) => Node($"n{i}", v, Direction.Higher)).ToList()), f => f.IsOutlier);
        double[] oneLower = [100, 100, 100, 98];   // MAD 0: the floor, not the zero spread, decides
        Assert.DoesNotContain(FleetAnalyzer.Analyze(oneLower.Select((v, i) => Node($"n{i}", v, Direction.Higher)).ToList()), f => f.IsOutlier);
        Assert.DoesNotContain(FleetAnalyzer.Analyze(oneLower.Select((v, i) => Node($"n{i}", v, Direction.Higher)).ToList(), minDeviation: 0), f => f.IsOutlier);
    }

    [Fact]
    public void A_figure_must_be_worse_by_the_minimum_deviation_as_well_as_the_z_threshold()
    {
        double[] values = [100, 100, 100, 100, 94];   // z ≈ 6 from the 1% floor, but only 6% worse
        var runs = values.Select((v, i) => Node($"n{i}", v, Direction.Higher)).ToList();
        Assert.DoesNotContain(FleetAnalyzer.Analyze(runs), f => f.IsOutlier);
        Assert.Equal("n4", Assert.Single(FleetAnalyzer.Analyze(runs, minDeviation: 0.05), f => f.IsOutlier).Node);
    }

    [Fact]
    public void Higher_latency_is_worse_and_lower_is_not()
    {
        double[] latency = [2e-6, 2e-6, 2e-6, 2.6e-6, 1.4e-6];
        var findings = FleetAnalyzer.Analyze(latency.Select((v, i) => Node($"n{i}", v, Direction.Lower)).ToList());
        FleetFinding outlier = Assert.Single(findings, f => f.IsOutlier);
        Assert.Equal("n3", outlier.Node);
        Assert.True(outlier.RobustZ > FleetAnalyzer.DefaultZThreshold);
    }

    [Fact]
    public void The_measurements_own_precision_floors_the_spread()
    {
        // Identical medians, but each figure only known to ±20%: a 30% gap is within 3.5 half-widths.
        double[] triad = [100, 100, 100, 70];
        var runs = triad.Select((v, i) => Node($"n{i}", v, Direction.Higher, relativeHalfWidth: 0.20)).ToList();
        Assert.DoesNotContain(FleetAnalyzer.Analyze(runs), f => f.IsOutlier);
    }

    [Fact]
    public void A_node_far_below_a_noisy_fleet_is_flagged_however_wide_the_figures_cis()
    {
        // Each figure known only to ±30% (a loaded machine): on the linear scale no throughput could ever lie 3.5
        // half-widths below the median (that is 105% of it), so a node at 0.15 went unflagged; as a ratio it is far out.
        double[] triad = [20, 17, 3, 22];
        var runs = triad.Select((v, i) => Node($"n{i}", v, Direction.Higher, relativeHalfWidth: 0.30)).ToList();
        FleetFinding outlier = Assert.Single(FleetAnalyzer.Analyze(runs), f => f.IsOutlier);
        Assert.Equal("n2", outlier.Node);
        Assert.Equal(18.5, outlier.FleetMedian, 6);
    }

    [Fact]
    public void A_figure_that_is_zero_somewhere_is_still_judged_on_the_linear_scale()
    {
        double[] values = [100, 100, 100, 0];
        FleetFinding outlier = Assert.Single(FleetAnalyzer.Analyze(values.Select((v, i) => Node($"n{i}", v, Direction.Higher)).ToList()), f => f.IsOutlier);
        Assert.Equal("n3", outlier.Node);
        Assert.True(double.IsFinite(outlier.RobustZ));
    }

    [Fact]
    public void Of_100_jittered_nodes_exactly_the_3_planted_slow_ones_are_flagged()
    {
        var random = new Random(100);
        int[] slow = [7, 42, 93];
        var runs = Enumerable.Range(0, 100)
            .Select(i => Node($"node{i}", 1e12 * (1 + 0.03 * (2 * random.NextDouble() - 1)) * (slow.Contains(i) ? 0.7 : 1), Direction.Higher))
            .ToList();
        Assert.Equal(slow.Select(i => $"node{i}"), FleetAnalyzer.Analyze(runs).Where(f => f.IsOutlier).Select(f => f.Node));
    }

    [Fact]
    public void Nodes_sharing_a_host_name_are_told_apart_by_machine_id()
    {
        var runs = new[] { 100.0, 100, 100, 60 }
            .Select((v, i) => Node("worker", v, Direction.Higher) with
            {
                RunId = $"run-{i}",
                System = SystemInfo.Unknown with { Host = "worker", MachineId = $"{i}a2b3c4d5e6f7a8b9" },
            })
            .ToList();
        FleetFinding outlier = Assert.Single(FleetAnalyzer.Analyze(runs), f => f.IsOutlier);
        Assert.Equal(("worker-3a2b3c4d", "worker"), (outlier.Node, outlier.Host));
    }

    private static Run Node(string host, double value, Direction better, double relativeHalfWidth) => Node(host, value, better) with
    {
        Measurements =
        [
            Node(host, value, better).Measurements[0] with
            {
                Stats = AiBench.Core.Statistics.SampleStatisticsEstimator.Estimate([value, value]) with
                {
                    CiLower = value * (1 - relativeHalfWidth), CiUpper = value * (1 + relativeHalfWidth),
                },
            },
        ],
    };

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
