using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>One timed heuristic candidate: seconds per product, or why it could not run.</summary>
internal sealed record AlgorithmTiming(CublasLtAlgorithm Algorithm, double SecondsPerProduct, string? Error);

/// <summary>The fastest candidate and how every candidate fared.</summary>
internal sealed record AlgorithmChoice(CublasLtAlgorithm Algorithm, double SecondsPerProduct, IReadOnlyList<AlgorithmTiming> Timings);
