using AiBench.Core.Measuring;
using AiBench.Core.Results;

namespace AiBench.Benchmarks.Gpu;

/// <summary>What one gpu.memory test measured: B/s samples, the validation, and Info to keep.</summary>
internal sealed record MemoryTestResult(SampleSeries Series, Correctness Correct, Dictionary<string, string> Info);
