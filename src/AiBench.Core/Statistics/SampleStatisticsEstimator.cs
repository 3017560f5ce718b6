using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace AiBench.Core.Statistics;

/// <summary>
/// Computes <see cref="SampleStatistics"/> from raw samples. Quantiles use the Harrell-Davis estimator and
/// the median's confidence interval its Maritz-Jarrett-style standard error, both from Perfolizer
/// (the estimator BenchmarkDotNet reports). The mean depends on what a sample is (<see cref="SampleKind"/>): the
/// arithmetic mean, or for rates of equal work total work / total time (their harmonic mean). The standard deviation
/// is the samples' own (n − 1); CV = stddev / mean.
/// </summary>
public static class SampleStatisticsEstimator
{
    public const double DefaultConfidenceLevel = 0.95;

    private static readonly Probability[] Probabilities = [0.05, 0.5, 0.95, 0.99];

    public static SampleStatistics Estimate(
        IReadOnlyList<double> samples, SampleKind kind = SampleKind.Quantity, double confidenceLevel = DefaultConfidenceLevel)
    {
        ArgumentOutOfRangeException.ThrowIfZero(samples.Count, nameof(samples));
        int n = samples.Count;
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        foreach (double x in samples)
        {
            min = Math.Min(min, x);
            max = Math.Max(max, x);
            sum += x;
        }

        double arithmeticMean = sum / n;
        double squares = 0;
        foreach (double x in samples)
        {
            squares += (x - arithmeticMean) * (x - arithmeticMean);
        }

        double mean = kind == SampleKind.RateOfEqualWork ? HarmonicMean(samples) : arithmeticMean;
        double stdDev = n > 1 ? Math.Sqrt(squares / (n - 1)) : 0;
        if (n == 1 || min == max)
        {
            // Harrell-Davis needs at least two distinct values; a constant sample has no spread to estimate.
            return new SampleStatistics
            {
                N = n, Median = samples[0], Mean = mean, Min = min, Max = max, StdDev = stdDev,
                Cv = 0, P5 = min, P95 = max, P99 = max,
                CiLower = min, CiUpper = max, CiLevel = confidenceLevel,
            };
        }

        var sample = new Sample(samples.ToArray());
        double[] q = HarrellDavisQuantileEstimator.Instance.Quantiles(sample, Probabilities);
        ConfidenceInterval ci = HarrellDavisQuantileEstimator.Instance
            .QuantileConfidenceIntervalEstimator(sample, 0.5)
            .ConfidenceInterval(new ConfidenceLevel(confidenceLevel));
        return new SampleStatistics
        {
            N = n,
            Median = q[1],
            Mean = mean,
            Min = min,
            Max = max,
            StdDev = stdDev,
            Cv = mean == 0 ? 0 : stdDev / Math.Abs(mean),
            P5 = q[0],
            P95 = q[2],
            P99 = q[3],
            CiLower = Math.Max(min, ci.Lower),
            CiUpper = Math.Min(max, ci.Upper),
            CiLevel = confidenceLevel,
        };
    }

    /// <summary>
    /// Total work / total time of samples that each did the same work W at rate r_i (time W / r_i):
    /// n·W / Σ(W / r_i) = n / Σ(1 / r_i). A zero rate is a repetition that never finished: the mean is 0.
    /// </summary>
    private static double HarmonicMean(IReadOnlyList<double> rates)
    {
        double inverses = 0;
        foreach (double r in rates)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(r, nameof(rates));
            if (r == 0)
            {
                return 0;
            }

            inverses += 1 / r;
        }

        return rates.Count / inverses;
    }
}
