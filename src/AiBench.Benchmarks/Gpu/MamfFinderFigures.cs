namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// mamf-finder's three figures of one shape from its per-product times (numpy's definitions): mean = FLOPs / mean(t)
/// (the published MAMF), median = FLOPs / median(t) (the middle two averaged for an even count), max = FLOPs / min(t).
/// </summary>
internal sealed record MamfFinderFigures(double Mean, double Median, double Max)
{
    public static MamfFinderFigures From(double flops, IReadOnlyList<double> seconds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(seconds.Count);
        double[] sorted = [.. seconds.Order()];
        int middle = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new MamfFinderFigures(flops / seconds.Average(), flops / median, flops / sorted[0]);
    }

    /// <summary>mamf-finder's "geometric mean" over the shapes' mean figures: exp(mean(log x)).</summary>
    public static double GeometricMean(IReadOnlyCollection<double> values) => Math.Exp(values.Average(Math.Log));
}
