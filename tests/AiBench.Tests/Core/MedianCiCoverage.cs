using AiBench.Core.Measuring;
using AiBench.Core.Statistics;

namespace AiBench.Tests.Core;

/// <summary>A noise shape of a synthetic benchmark: draws of Z, and Z's true median.</summary>
internal sealed record NoiseShape(string Name, Func<Random, double> Draw, double Median)
{
    /// <summary>Skewed: exp of a standard normal; median 1.</summary>
    public static NoiseShape Lognormal { get; } = new("lognormal", r => Math.Exp(StandardNormal(r)), 1);

    /// <summary>Heavy-tailed: Pareto with α = 1.5 from 1 (infinite variance); median 2^(1/α).</summary>
    public static NoiseShape Pareto { get; } = new("pareto", r => Math.Pow(1 - r.NextDouble(), -1 / 1.5), Math.Pow(2, 1 / 1.5));

    /// <summary>
    /// Bimodal: 70% near 0 and 30% near 1, each mode a floor plus an exponential delay (mean 0.1); the median lies in
    /// the first mode, where 0.7 · (1 − e^(−z/0.1)) = 0.5.
    /// </summary>
    public static NoiseShape Bimodal { get; } = new(
        "bimodal", r => (r.NextDouble() < 0.7 ? 0 : 1) - 0.1 * Math.Log(1 - r.NextDouble()), 0.1 * Math.Log(3.5));

    public static IReadOnlyList<NoiseShape> All { get; } = [Lognormal, Pareto, Bimodal];

    private static double StandardNormal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}

/// <summary>One cell of the simulation: a shape at a spread (in units of the policy's target), and what came out.</summary>
internal sealed record CoverageCell(NoiseShape Shape, double SpreadInTargets, int Series, int Covered, double MeanSamples)
{
    public double Coverage => Covered / (double)Series;

    public override string ToString() => FormattableString.Invariant(
        $"{Shape.Name,-9} spread {SpreadInTargets,4:0.#}x target: coverage {Coverage:P2} of {Series}, mean n {MeanSamples:0.0}");
}

/// <summary>
/// How often the 95% CI of the median that a figure reports holds the true median, over synthetic series whose samples
/// are 1 + spread · Z (Z from a <see cref="NoiseShape"/>), each series sampled until a stop rule ends it. The spreads are
/// multiples of the policy's target, so the stop falls anywhere from the smallest sample to the maximum.
/// </summary>
internal static class MedianCiCoverage
{
    /// <summary>A rule that measures one series: a draw function in, the samples whose CI is reported out.</summary>
    public delegate double[] StopRule(MeasurementPolicy policy, Func<double> draw);

    /// <summary>The sample loop benchmarks use (default policy: 5 to 100 samples, ±1% target), without warm-up.</summary>
    public static MeasurementPolicy Policy { get; } = MeasurementPolicy.Default with { WarmupCount = 0, CaseBudget = TimeSpan.FromHours(1) };

    public static IReadOnlyList<double> SpreadsInTargets { get; } = [0.3, 1, 2, 3, 5];

    /// <summary>The real <see cref="SampleLoop"/>.</summary>
    public static double[] SampleLoopRule(MeasurementPolicy policy, Func<double> draw) =>
        SampleLoop.Run(policy, draw, CancellationToken.None).Samples;

    /// <summary>
    /// The rule <see cref="SampleLoop"/> had before: test the CI at the minimum and after every 25% of growth, stop as
    /// soon as it is within the target (optional stopping).
    /// </summary>
    public static double[] RetestingRule(MeasurementPolicy policy, Func<double> draw)
    {
        var samples = new List<double>();
        int nextCheck = policy.MinSamples;
        while (samples.Count < policy.MaxSamples)
        {
            samples.Add(draw());
            if (samples.Count >= nextCheck)
            {
                nextCheck = samples.Count + Math.Max(1, samples.Count / 4);
                if (SampleStatisticsEstimator.Estimate(samples).RelativeCiHalfWidth <= policy.TargetRelativeCi)
                {
                    break;
                }
            }
        }

        return [.. samples];
    }

    /// <summary>Runs <paramref name="series"/> seeded series of one shape and spread (in parallel; the same result every time).</summary>
    public static CoverageCell Run(StopRule rule, MeasurementPolicy policy, NoiseShape shape, double spreadInTargets, int series, int seed)
    {
        double spread = spreadInTargets * policy.TargetRelativeCi;
        double trueMedian = 1 + spread * shape.Median;
        int covered = 0;
        long samples = 0;
        Parallel.For(0, series, i =>
        {
            var random = new Random(SeriesSeed(seed, shape, spreadInTargets, i));
            double[] drawn = rule(policy, () => 1 + spread * shape.Draw(random));
            SampleStatistics stats = SampleStatisticsEstimator.Estimate(drawn);
            if (stats.CiLower <= trueMedian && trueMedian <= stats.CiUpper)
            {
                Interlocked.Increment(ref covered);
            }

            Interlocked.Add(ref samples, drawn.Length);
        });
        return new CoverageCell(shape, spreadInTargets, series, covered, samples / (double)series);
    }

    /// <summary>A seed per series that is the same in every process (string and HashCode hashes are not).</summary>
    private static int SeriesSeed(int seed, NoiseShape shape, double spreadInTargets, int index)
    {
        uint h = 2166136261;
        foreach (long part in (long[])[seed, shape.Name[0], (long)(spreadInTargets * 1000), index])
        {
            h = (h ^ (uint)part) * 16777619;
        }

        return (int)(h & int.MaxValue);
    }

    /// <summary>Every shape at every spread.</summary>
    public static List<CoverageCell> RunAll(StopRule rule, MeasurementPolicy policy, int seriesPerCell, int seed) =>
        NoiseShape.All.SelectMany(shape => SpreadsInTargets.Select(spread => Run(rule, policy, shape, spread, seriesPerCell, seed))).ToList();
}
