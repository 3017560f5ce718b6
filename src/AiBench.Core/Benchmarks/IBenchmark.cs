using AiBench.Core.Baselines;
using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;

namespace AiBench.Core.Benchmarks;

/// <summary>
/// One microbenchmark. The runner expands <see cref="Parameters"/> into <see cref="BenchmarkCase"/>s and
/// calls <see cref="RunAsync"/> once per case; the benchmark yields one or more <see cref="Measurement"/>s
/// (one per metric and device) for that case.
/// </summary>
public interface IBenchmark
{
    /// <summary>Dotted identifier, family first: <c>gpu.matmul</c>, <c>cpu.memory</c>.</summary>
    string Id { get; }

    string Title { get; }

    ParameterSchema Parameters { get; }

    /// <summary>Whose datasheet holds the peaks its figures' <see cref="Measurement.BaselineKey"/>s name; none by default.</summary>
    BaselineFamily Datasheet => BaselineFamily.None;

    /// <summary>Cheap check of whether this machine has what the benchmark needs. Must not throw.</summary>
    Availability Probe(SystemInfo system);

    IAsyncEnumerable<Measurement> RunAsync(BenchmarkContext context, CancellationToken cancellationToken);
}
