namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// The outcome of checking sampled output elements against the fp64 reference: how many were checked, how many were
/// outside <see cref="MatmulTolerance"/>, and the largest error as a fraction of the tolerance (NaN when an output
/// was NaN).
/// </summary>
internal sealed record MatmulCheck(long Checked, long Wrong, double MaxErrorRatio)
{
    /// <summary>Counts the ratios the reference kernel wrote; a ratio above 1, or NaN, is wrong.</summary>
    public static MatmulCheck FromRatios(ReadOnlySpan<double> ratios)
    {
        long wrong = 0;
        double max = 0;
        foreach (double ratio in ratios)
        {
            if (!(ratio <= 1.0))
            {
                wrong++;
            }

            max = double.IsNaN(ratio) || double.IsNaN(max) ? double.NaN : Math.Max(max, ratio);
        }

        return new MatmulCheck(ratios.Length, wrong, max);
    }
}
