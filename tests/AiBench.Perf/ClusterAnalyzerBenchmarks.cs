using AiBench.Core.Cluster;
using AiBench.Tests.Cluster;
using BenchmarkDotNet.Attributes;

namespace AiBench.Perf;

/// <summary>
/// The cluster verdict of a simulated cluster (20 figures × 10 samples per node, ±3% jitter, pairs=random:8, 5 slow
/// nodes and 4 slow links planted): the fleet comparison, pair judging and attribution at scale.
/// </summary>
[MemoryDiagnoser]
public class ClusterAnalyzerBenchmarks
{
    private ClusterInput _input = null!;

    [Params(256, 2048)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup() => _input = ClusterSimulation.Scenario(Nodes, slowNodes: 5, slowLinks: 4, PairSelection.Random(8), seed: Nodes).Input;

    [Benchmark]
    public int Analyze() => ClusterAnalyzer.Analyze(_input, new ClusterJudgement()).Findings.Count;
}
