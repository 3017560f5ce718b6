using AiBench.Core.Measuring;
using AiBench.Core.Results;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// One figure a gpu.memory test measured: its metric (the test's name, or one of the figures of device_copy and
/// bidir), the datasheet figure it compares with (null: none applies), B/s samples, the validation, and Info to keep.
/// </summary>
internal sealed record MemoryTestResult(string Metric, string? BaselineKey, SampleSeries Series, Correctness Correct, Dictionary<string, string> Info);
