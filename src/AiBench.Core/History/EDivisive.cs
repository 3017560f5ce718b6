namespace AiBench.Core.History;

/// <summary>
/// E-divisive means change-point detection (Matteson and James 2014, as Hunter and Apache Otava use on performance
/// series), with α = 1: the split that maximises the energy statistic
/// Q(τ) = mn/(m+n) · (2/(mn) Σ|xᵢ−yⱼ| − Σ_{i&lt;k}|xᵢ−xₖ| / C(m,2) − Σ_{j&lt;l}|yⱼ−yₗ| / C(n,2))
/// is a candidate; it is accepted when a permutation test finds the segment's best Q that large in under
/// <see cref="Alpha"/> of random orderings. Segments are split again until no candidate is significant.
/// The split is searched over every end of the right part too (κ), so a shift that later returns is found.
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
    /// The best τ over all splits and, as Matteson and James do, over every end κ of the right part: comparing
    /// x[0, τ) with x[τ, κ) lets a shift that returns later (a middle segment) stand out. Sums grow one value at a
    /// time, so a segment of n values costs O(n³).
    /// </summary>
    private static (int Index, double Q) Best(double[] x)
    {
        int n = x.Length;
        var withinLeft = new double[n + 1];
        for (int tau = 1; tau <= n; tau++)
        {
            withinLeft[tau] = withinLeft[tau - 1] + DistanceSum(x, x[tau - 1], 0, tau - 1);
        }

        double bestQ = double.NegativeInfinity;
        int bestIndex = MinSegment;
        for (int tau = MinSegment; tau <= n - MinSegment; tau++)
        {
            double between = 0, withinRight = 0;
            for (int kappa = tau + 1; kappa <= n; kappa++)
            {
                double added = x[kappa - 1];
                between += DistanceSum(x, added, 0, tau);
                withinRight += DistanceSum(x, added, tau, kappa - 1);
                if (kappa - tau < MinSegment)
                {
                    continue;
                }

                double m = tau, r = kappa - tau;
                double q = m * r / (m + r) * ((2 * between / (m * r)) - Mean(withinLeft[tau], m) - Mean(withinRight, r));
                if (q > bestQ)
                {
                    bestQ = q;
                    bestIndex = tau;
                }
            }
        }

        return (bestIndex, bestQ);
    }

    private static double DistanceSum(double[] x, double value, int from, int to)
    {
        double sum = 0;
        for (int i = from; i < to; i++)
        {
            sum += Math.Abs(x[i] - value);
        }

        return sum;
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
