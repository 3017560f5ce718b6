using AiBench.Core.Benchmarks;

namespace AiBench.Core.Results;

/// <summary>A benchmark that ran, as run.json describes it (schema 1.1): its title and typed parameters.</summary>
public sealed record BenchmarkDescription(string Title, IReadOnlyList<ParameterDescription> Parameters)
{
    public static BenchmarkDescription Of(IBenchmark benchmark) =>
        new(benchmark.Title, benchmark.Parameters.Definitions.Select(ParameterDescription.Of).ToList());

    /// <summary>The parameter of that name, or null (a file written by another version may lack it).</summary>
    public ParameterDescription? Find(string name) => Parameters.FirstOrDefault(p => p.Name == name);
}
