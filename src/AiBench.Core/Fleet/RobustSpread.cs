using AiBench.Core.Results;

namespace AiBench.Core.Fleet;

/// <summary>
/// The centre and spread of one figure across a fleet: the median and the MAD, with the MAD floored at what the
/// figures themselves can resolve. Without the floor identical nodes have MAD 0 and no z-score exists, so a node
/// 30% slower than three identical peers went unflagged.
/// </summary>
/// <remarks>
/// <para>
/// A figure that is positive on every node (a bandwidth, a time, a rate) is judged on the logarithmic scale, where
/// half and double are the same distance from the median and measurement noise is a ratio. On the linear scale a
/// throughput can fall by at most 100% of its median, so a fleet whose figures were each known to ±29% could never
/// flag a node, however slow: on a loaded CI machine a node at 0.15 of the fleet's CPU triad scored z 3.8, a hair
/// over 3.5. Figures that are zero or negative anywhere stay on the linear scale.
/// </para>
/// <para>
/// The floor is a noise σ turned into a MAD (σ / 1.4826, the MAD of a normal distribution). σ is the larger of
/// (1) the median over the members of their own median's CI half-width — the precision each measurement reached,
/// taken whole rather than divided by 1.96 so that a difference must exceed 3.5 half-widths, not 3.5 standard
/// errors — and (2) <see cref="RelativeNoise"/> of the median, for figures with a zero-width CI (one sample,
/// identical samples). Runs on like hardware reproduce to 1–3%, so a 1% σ keeps a 3% difference below z = 3.5
/// while a 30% one scores z ≈ 30. Why not the standard error (half-width / 1.96): a node's CI says how well its own
/// samples agree, not how far like nodes differ when they are measured at different moments of a shared machine; with
/// that floor four namespace nodes on two cores named a healthy node1 for its CPU GEMM at 0.63 of the fleet (z 5.4,
/// its CI ±17%).
/// </para>
/// </remarks>
internal readonly record struct RobustSpread(double Median, double Centre, double Mad, bool Logarithmic)
{
    /// <summary>The smallest noise σ assumed for any figure, relative to its median.</summary>
    public const double RelativeNoise = 0.01;

    /// <summary>MAD of a standard normal distribution (1 / 1.4826): converts a σ to a MAD and back.</summary>
    public const double NormalMad = 0.6745;

    /// <summary>The spread of one figure's measurements, one per member: on the log scale when every value is positive.</summary>
    public static RobustSpread Of(IReadOnlyList<Measurement> figures)
    {
        bool logarithmic = figures.All(m => m.Value > 0);
        return From(
            figures.Select(m => m.Value).ToArray(),
            figures.Select(m => logarithmic ? Math.Log(m.Value) : m.Value).ToArray(),
            figures.Select(m => HalfWidth(m, logarithmic)).ToArray(),
            logarithmic);
    }

    /// <summary>The spread of <paramref name="values"/> on the linear scale; <paramref name="halfWidths"/> are their CI half-widths (NaN when unknown).</summary>
    public static RobustSpread Linear(double[] values, double[] halfWidths) => From(values, (double[])values.Clone(), halfWidths, logarithmic: false);

    /// <summary><paramref name="raw"/> gives the median; <paramref name="scaled"/> (the same values on the judged scale) and the half-widths on that scale give the centre and the MAD. Arrays are reordered.</summary>
    private static RobustSpread From(double[] raw, double[] scaled, double[] halfWidths, bool logarithmic)
    {
        double median = MedianOf(raw);
        double centre = MedianOf(scaled);
        int known = 0;
        foreach (double halfWidth in halfWidths)
        {
            if (double.IsFinite(halfWidth))
            {
                halfWidths[known++] = halfWidth;
            }
        }

        double precision = known > 0 ? MedianOf(halfWidths.AsSpan(0, known)) : 0;
        double sigmaFloor = Math.Max(precision, logarithmic ? Math.Log(1 + RelativeNoise) : RelativeNoise * Math.Abs(median));
        for (int i = 0; i < scaled.Length; i++)
        {
            scaled[i] = Math.Abs(scaled[i] - centre);
        }

        double mad = MedianOf(scaled);
        return new RobustSpread(median, centre, Math.Max(mad, sigmaFloor * NormalMad), logarithmic);
    }

    /// <summary>Iglewicz and Hoaglin's modified z-score of <paramref name="value"/> on this spread's scale; 0 where the spread is 0.</summary>
    public double Z(double value)
    {
        double scaled = Logarithmic ? Math.Log(value) : value;
        return Mad > 0 ? NormalMad * (scaled - Centre) / Mad : 0;
    }

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

    /// <summary>Half the width of the figure's CI on the given scale; NaN when it has no CI (or, on the log scale, one reaching zero).</summary>
    private static double HalfWidth(Measurement m, bool logarithmic)
    {
        if (m.Stats is not { } s)
        {
            return double.NaN;
        }

        if (!logarithmic)
        {
            return (s.CiUpper - s.CiLower) / 2;
        }

        return s.CiLower > 0 && s.CiUpper >= s.CiLower ? (Math.Log(s.CiUpper) - Math.Log(s.CiLower)) / 2 : double.NaN;
    }
}
