namespace AiBench.Core.Fleet;

/// <summary>
/// The centre and spread of one figure across a fleet: the median and the MAD, with the MAD floored at what the
/// figures themselves can resolve. Without the floor identical nodes have MAD 0 and no z-score exists, so a node
/// 30% slower than three identical peers went unflagged.
/// </summary>
/// <remarks>
/// The floor is a noise σ turned into a MAD (σ / 1.4826, the MAD of a normal distribution). σ is the larger of
/// (1) the median over the members of their own median's CI half-width — the precision each measurement reached,
/// taken whole rather than divided by 1.96 so that a difference must exceed 3.5 half-widths, not 3.5 standard
/// errors — and (2) <see cref="RelativeNoise"/> of the median, for figures with a zero-width CI (one sample,
/// identical samples). Runs on like hardware reproduce to 1–3%, so a 1% σ keeps a 3% difference below z = 3.5
/// while a 30% one scores z ≈ 30.
/// </remarks>
internal readonly record struct RobustSpread(double Median, double Mad)
{
    /// <summary>The smallest noise σ assumed for any figure, relative to its median.</summary>
    public const double RelativeNoise = 0.01;

    /// <summary>MAD of a standard normal distribution (1 / 1.4826): converts a σ to a MAD and back.</summary>
    public const double NormalMad = 0.6745;

    /// <summary>The spread of <paramref name="values"/>; <paramref name="halfWidths"/> are their CI half-widths (NaN when unknown). Both arrays are reordered.</summary>
    public static RobustSpread Of(double[] values, double[] halfWidths)
    {
        double median = MedianOf(values);
        int known = 0;
        foreach (double halfWidth in halfWidths)
        {
            if (double.IsFinite(halfWidth))
            {
                halfWidths[known++] = halfWidth;
            }
        }

        double precision = known > 0 ? MedianOf(halfWidths.AsSpan(0, known)) : 0;
        double sigmaFloor = Math.Max(precision, RelativeNoise * Math.Abs(median));
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Abs(values[i] - median);
        }

        double mad = MedianOf(values);
        return new RobustSpread(median, Math.Max(mad, sigmaFloor * NormalMad));
    }

    /// <summary>Iglewicz and Hoaglin's modified z-score of <paramref name="value"/>; 0 where the spread is 0 (a median of 0).</summary>
    public double Z(double value) => Mad > 0 ? NormalMad * (value - Median) / Mad : 0;

    /// <summary>The median of <paramref name="values"/>, sorting them in place; NaN when empty.</summary>
    public static double MedianOf(Span<double> values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        values.Sort();
        int mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
