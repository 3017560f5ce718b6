using System.Diagnostics;
using AiBench.Core.Cluster;
using AiBench.Core.Results;
using Xunit;
using Xunit.Abstractions;

namespace AiBench.Tests.Cluster;

public class ClusterScaleTests(ITestOutputHelper output)
{
    [Fact]
    public void Of_2048_jittered_nodes_exactly_the_planted_slow_nodes_and_links_are_named()
    {
        ClusterScenario scenario = ClusterSimulation.Scenario(nodeCount: 2048, slowNodes: 5, slowLinks: 4, PairSelection.Random(8), seed: 2048);
        ClusterInput input = scenario.Input;

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        ClusterResult result = ClusterAnalyzer.Analyze(input, new ClusterJudgement());
        clock.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"2048 nodes x {ClusterSimulation.NodeFigures.Count} figures, {input.PairPlan.Count} pairs ({input.Pairs!.Measurements.Count} pair figures): "
            + $"analysed in {clock.Elapsed.TotalSeconds:0.00} s, {allocated / 1048576.0:0} MiB allocated, peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB (whole test process)");

        Assert.Equal(
            scenario.SlowNodes.Select(s => $"{s.Node} {s.Figure}").Order(StringComparer.Ordinal),
            result.Findings.Where(f => f.Category == FindingCategory.FleetOutlier).Select(f => $"{f.Subject} {f.Figure}").Order(StringComparer.Ordinal));
        Assert.Equal(
            scenario.SlowLinks.Select(l => $"{l.A}↔{l.B}").Order(StringComparer.Ordinal),
            result.Findings.Where(f => f.Category == FindingCategory.SlowLink).Select(f => f.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(scenario.SlowNodes.Count + scenario.SlowLinks.Count, result.Findings.Count);
        Assert.Equal(VerdictStatus.Fail, result.Verdict);
        Assert.Equal(scenario.SlowNodes.Select(s => s.Node).Order(StringComparer.Ordinal),
            result.Nodes.Where(n => n.Verdict != VerdictStatus.Pass).Select(n => n.Identity.Name));
        Assert.Empty(result.Matrices);   // beyond PairMatrix.MaxNodes the pair list carries the figures
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(allocated < 1L << 30, $"{allocated >> 20} MiB allocated");
    }

    [Fact]
    public void Of_256_nodes_with_all_pairs_the_matrices_are_built_and_the_planted_faults_named()
    {
        ClusterScenario scenario = ClusterSimulation.Scenario(nodeCount: 256, slowNodes: 3, slowLinks: 2, PairSelection.All, seed: 256);
        ClusterResult result = ClusterAnalyzer.Analyze(scenario.Input, new ClusterJudgement());

        Assert.Equal(scenario.SlowNodes.Count + scenario.SlowLinks.Count, result.Findings.Count);
        Assert.Equal(scenario.SlowLinks.Select(l => $"{l.A}↔{l.B}").Order(StringComparer.Ordinal),
            result.Findings.Where(f => f.Kind == ClusterSubjectKind.Link).Select(f => f.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(3, result.Matrices.Count);
        Assert.All(result.Matrices, m => Assert.Equal(256, m.Values.Count));
    }
}
