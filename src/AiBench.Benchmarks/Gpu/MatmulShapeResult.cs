using AiBench.Core.Measuring;
using AiBench.Core.Statistics;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// Everything measured for one shape (as the method names it): the FLOP/s samples, the algorithm, and the correctness
/// check.
/// </summary>
internal sealed record MatmulShapeResult(
    MatmulShape Shape,
    SampleSeries Series,
    AlgorithmChoice Choice,
    int ProductsPerSample,
    int BufferSets,
    MatmulCheck Check)
{
    /// <summary>mamf-finder's mean, median and max of the timed products (method mamf-finder only).</summary>
    public MamfFinderFigures? MamfFinder { get; init; }

    /// <summary>The median FLOP/s (the figure a shape is ranked by).</summary>
    public double Median { get; } = Series.Samples.Length == 0 ? 0 : SampleStatisticsEstimator.Estimate(Series.Samples).Median;
}
