using AiBench.Core.Benchmarks;
using AiBench.Core.Jobs;
using AiBench.Core.Measuring;
using AiBench.Core.Running;
using AiBench.Core.Suites;

namespace AiBench.Cli.Cluster;

/// <summary>
/// Splits a cluster suite into its phases: node checks (every benchmark run on one machine), pair tests and
/// collectives (<see cref="IJobWideBenchmark"/>s, run by every rank). Settings <c>cluster.&lt;field&gt;=value</c> go to the
/// cluster policy; the rest are planned against the whole suite once, so a setting that fits no benchmark is refused.
/// </summary>
internal static class ClusterPlanner
{
    private const string ClusterPrefix = "cluster.";

    public static (ClusterPolicy Policy, RunPlan Nodes, RunPlan? Pairs, RunPlan? Collectives) Plan(
        Suite suite, BenchmarkRegistry registry, IReadOnlyList<KeyValuePair<string, string>> settings, MeasurementPolicy policy)
    {
        var clusterFields = settings.Where(s => s.Key.StartsWith(ClusterPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(s => s.Key[ClusterPrefix.Length..], s => s.Value, StringComparer.OrdinalIgnoreCase);
        ClusterPolicy cluster = SuiteParser.ApplyCluster(suite.Cluster ?? new ClusterPolicy(), clusterFields, "--set cluster");
        RunPlan whole = RunPlanner.Plan(suite, registry, [.. settings.Where(s => !s.Key.StartsWith(ClusterPrefix, StringComparison.OrdinalIgnoreCase))], policy);
        RunPlan Part(string name, Func<IBenchmark, bool> belongs) =>
            whole with { Name = $"{whole.Name} {name}", Benchmarks = [.. whole.Benchmarks.Where(b => belongs(b.Benchmark))] };
        RunPlan nodes = Part("node checks", b => b is not IJobWideBenchmark);
        RunPlan pairs = Part("pairs", b => b is IJobWideBenchmark { IsPairTest: true });
        RunPlan collectives = Part("collectives", b => b is IJobWideBenchmark { IsPairTest: false });
        return (cluster, nodes, pairs.Benchmarks.Count > 0 ? pairs : null, collectives.Benchmarks.Count > 0 ? collectives : null);
    }
}
