using AiBench.Core.Errors;

namespace AiBench.Core.Benchmarks;

/// <summary>The one place benchmarks are registered; looked up by id.</summary>
public sealed class BenchmarkRegistry
{
    private readonly Dictionary<string, IBenchmark> _byId = new(StringComparer.OrdinalIgnoreCase);

    public BenchmarkRegistry(IEnumerable<IBenchmark> benchmarks)
    {
        foreach (IBenchmark benchmark in benchmarks)
        {
            if (!_byId.TryAdd(benchmark.Id, benchmark))
            {
                throw new InvalidOperationException($"benchmark id '{benchmark.Id}' is registered twice");
            }
        }
    }

    public IReadOnlyCollection<IBenchmark> All => _byId.Values.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();

    public bool TryGet(string id, out IBenchmark benchmark) => _byId.TryGetValue(id, out benchmark!);

    public IBenchmark Get(string id) =>
        TryGet(id, out IBenchmark benchmark)
            ? benchmark
            : throw new BadInputException(
                $"unknown benchmark '{id}' (known: {string.Join(", ", _byId.Keys.Order(StringComparer.Ordinal))})");
}
