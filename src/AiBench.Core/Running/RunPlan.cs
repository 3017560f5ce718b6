using AiBench.Core.Benchmarks;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Core.Suites;

namespace AiBench.Core.Running;

/// <summary>A validated run: every benchmark resolved, every case expanded. Built by <see cref="RunPlanner"/> before anything runs.</summary>
public sealed record RunPlan(string Name, MeasurementPolicy Policy, IReadOnlyList<PlannedBenchmark> Benchmarks)
{
    public int TotalCases => Benchmarks.Sum(b => b.Cases.Count);
}

public sealed record PlannedBenchmark(IBenchmark Benchmark, IReadOnlyList<BenchmarkCase> Cases, bool Required, IReadOnlyList<Rule> Rules);
