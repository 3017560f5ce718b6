namespace AiBench.Core.Benchmarks;

/// <summary>
/// A benchmark that every rank of a launched job runs together (collectives, node pairs); only rank 0 yields figures.
/// A cluster run schedules these after the node checks, on every rank, instead of once per node.
/// </summary>
public interface IJobWideBenchmark : IBenchmark
{
    /// <summary>The cluster phase it belongs to: pairs of nodes, or collectives across every rank.</summary>
    bool IsPairTest { get; }
}
