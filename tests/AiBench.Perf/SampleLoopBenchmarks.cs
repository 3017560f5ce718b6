using AiBench.Core.Measuring;
using BenchmarkDotNet.Attributes;

namespace AiBench.Perf;

/// <summary>
/// The harness's own cost per sample: <see cref="SampleLoop"/> around a measure function that does nothing.
/// Reported per sample (1000 samples per invocation). The precision-check variant never meets its target,
/// so it pays for every periodic confidence-interval estimate a real run could.
/// </summary>
[MemoryDiagnoser]
public class SampleLoopBenchmarks
{
    private const int Samples = 1000;

    private static readonly MeasurementPolicy FixedCount = new()
    {
        WarmupCount = 0, MinSamples = Samples, MaxSamples = Samples, TargetRelativeCi = 0, CaseBudget = TimeSpan.FromMinutes(1),
    };

    private static readonly MeasurementPolicy UnreachablePrecision = FixedCount with { MinSamples = 5, TargetRelativeCi = 1e-12 };

    private readonly Func<double> _measure;
    private ulong _state = 88172645463325252UL;

    public SampleLoopBenchmarks() => _measure = Measure;

    [Benchmark(Baseline = true, OperationsPerInvoke = Samples)]
    public int FixedSampleCount() => SampleLoop.Run(FixedCount, _measure, CancellationToken.None).Samples.Length;

    [Benchmark(OperationsPerInvoke = Samples)]
    public int WithPrecisionChecks() => SampleLoop.Run(UnreachablePrecision, _measure, CancellationToken.None).Samples.Length;

    // Distinct values (xorshift64), so the statistics take their full path rather than the constant-sample shortcut.
    private double Measure()
    {
        _state ^= _state << 13;
        _state ^= _state >> 7;
        _state ^= _state << 17;
        return 1 + (_state >> 11) * (1.0 / (1UL << 53));
    }
}
