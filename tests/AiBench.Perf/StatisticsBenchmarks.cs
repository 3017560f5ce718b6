using AiBench.Core.Statistics;
using BenchmarkDotNet.Attributes;

namespace AiBench.Perf;

/// <summary>Summary statistics (Harrell-Davis quantiles, median CI) of one measurement's samples.</summary>
[MemoryDiagnoser]
public class StatisticsBenchmarks
{
    private double[] _samples = [];

    [Params(100, 1000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _samples = Enumerable.Range(0, N).Select(_ => 1e9 * (1 + 0.05 * random.NextDouble())).ToArray();
    }

    [Benchmark]
    public double Estimate() => SampleStatisticsEstimator.Estimate(_samples).Median;
}
