namespace AiBench.Core.History;

/// <summary>
/// E-divisive means change-point detection (Matteson and James 2014, as Hunter and Apache Otava use on performance
/// series), with α = 1: the split that maximises the energy statistic
/// Q(τ) = mn/(m+n) · (2/(mn) Σ|xᵢ−yⱼ| − Σ_{i&lt;k}|xᵢ−xₖ| / C(m,2) − Σ_{j&lt;l}|yⱼ−yₗ| / C(n,2))
/// is a candidate; it is accepted when a permutation test finds the segment's best Q that large in under
/// <see cref="Alpha"/> of random orderings. Segments are split again until no candidate is significant.
/// Each segment has at least <see cref="MinSegment"/> values, so a shift is named once two values show it.
/// The permutations use a fixed seed: the same series always gives the same answer.
/// </summary>
public static class EDivisive
{
    public const int MinSegment = 2;
    public const double Alpha = 0.05;
    public const int Permutations = 999;
    private const int Seed = 14;

    /// <summary>A detected change: the index of the first value after it, and the permutation p-value.</summary>
    public sealed record Change(int Index, double PValue);

    public static IReadOnlyList<Change> Detect(IReadOnlyList<double> series)
    {
        var random = new Random(Seed);
        var changes = new List<Change>();
        var segments = new List<(int Start, int End)> { (0, series.Count) };
        while (true)
        {
            // The strongest candidate among all current segments, as the hierarchical procedure does.
            (int Start, int End, int Split, double Q)? best = null;
            foreach ((int start, int end) in segments)
            {
                if (BestSplit(series, start, end) is { } split && (best is null || split.Q > best.Value.Q))
                {
                    best = (start, end, split.Index, split.Q);
                }
            }

            if (best is not { } candidate)
            {
                break;
            }

            double p = PValue(series, candidate.Start, candidate.End, candidate.Q, random);
            if (p >= Alpha)
            {
                break;
            }

            changes.Add(new Change(candidate.Split, p));
            segments.Remove((candidate.Start, candidate.End));
            segments.Add((candidate.Start, candidate.Split));
            segments.Add((candidate.Split, candidate.End));
        }

        return changes.OrderBy(c => c.Index).ToList();
    }

    /// <summary>The split of [start, end) with the largest Q, or null when the segment is too short to split.</summary>
    public static (int Index, double Q)? BestSplit(IReadOnlyList<double> series, int start, int end)
    {
        int n = end - start;
        if (n < 2 * MinSegment)
        {
            return null;
        }

        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = series[start + i];
        }

        (int index, double q) = Best(x);
        return (start + index, q);
    }

    /// <summary>
    /// O(n²) over all splits: moving the split one to the right moves one value from the right part to the left,
    /// which changes the within-left, within-right and between sums by that value's distances only.
    /// </summary>
    private static (int Index, double Q) Best(double[] x)
    {
        int n = x.Length;
        double withinRight = 0;
        for (int i = 0; i < n; i++)
        {
            for (int k = i + 1; k < n; k++)
            {
                withinRight += Math.Abs(x[i] - x[k]);
            }
        }

        double withinLeft = 0, between = 0, bestQ = double.NegativeInfinity;
        int bestIndex = MinSegment;
        for (int tau = 1; tau <= n - MinSegment; tau++)
        {
            // x[tau-1] moves from the right part to the left one.
            int moved = tau - 1;
            double toLeft = 0, toRight = 0;
            for (int i = 0; i < moved; i++)
            {
                toLeft += Math.Abs(x[i] - x[moved]);
            }

            for (int k = moved + 1; k < n; k++)
            {
                toRight += Math.Abs(x[moved] - x[k]);
            }

            withinLeft += toLeft;
            withinRight -= toRight;
            between += toRight - toLeft;
            if (tau < MinSegment)
            {
                continue;
            }

            double m = tau, r = n - tau;
            double q = m * r / (m + r) * (2 * between / (m * r) - Mean(withinLeft, m) - Mean(withinRight, r));
            if (q > bestQ)
            {
                bestQ = q;
                bestIndex = tau;
            }
        }

        return (bestIndex, bestQ);
    }

    private static double Mean(double pairSum, double count) => count < 2 ? 0 : pairSum / (count * (count - 1) / 2);

    private static double PValue(IReadOnlyList<double> series, int start, int end, double observed, Random random)
    {
        var x = new double[end - start];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = series[start + i];
        }

        int asLarge = 0;
        for (int p = 0; p < Permutations; p++)
        {
            random.Shuffle(x);
            if (Best(x).Q >= observed * (1 - 1e-12))
            {
                asLarge++;
            }
        }

        return (asLarge + 1.0) / (Permutations + 1);
    }
}
