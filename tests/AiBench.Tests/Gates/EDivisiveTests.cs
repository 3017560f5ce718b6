using AiBench.Core.History;
using Xunit;

namespace AiBench.Tests.Gates;

public class EDivisiveTests
{
    [Fact]
    public void A_level_shift_is_found_at_its_first_value()
    {
        double[] series = [.. SyntheticRuns.Samples(100, 8, 0.01, 1), .. SyntheticRuns.Samples(90, 6, 0.01, 2)];

        EDivisive.Change change = Assert.Single(EDivisive.Detect(series));

        Assert.Equal(8, change.Index);
        Assert.True(change.PValue < 0.01);
    }

    [Fact]
    public void Two_shifts_are_both_found()
    {
        double[] series = [.. SyntheticRuns.Samples(100, 6, 0.01, 1), .. SyntheticRuns.Samples(80, 6, 0.01, 2), .. SyntheticRuns.Samples(100, 6, 0.01, 3)];

        Assert.Equal([6, 12], EDivisive.Detect(series).Select(c => c.Index));
    }

    [Fact]
    public void Noise_without_a_shift_gives_no_change()
    {
        Assert.Empty(EDivisive.Detect(SyntheticRuns.Samples(100, 20, 0.05, 7)));
    }

    [Fact]
    public void Too_short_a_series_cannot_be_split()
    {
        Assert.Empty(EDivisive.Detect([100, 100, 50]));
        Assert.Null(EDivisive.BestSplit([100, 100, 50], 0, 3));
    }

    [Fact]
    public void The_best_split_agrees_with_the_energy_statistic_computed_directly_over_every_split_and_end()
    {
        double[] x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
        (int index, double q) = EDivisive.BestSplit(x, 0, x.Length)!.Value;

        int min = EDivisive.MinSegment;
        (int Index, double Q) direct = Enumerable.Range(min, x.Length - (2 * min) + 1)
            .SelectMany(t => Enumerable.Range(t + min, x.Length - t - min + 1).Select(k => (t, Q(x[..t], x[t..k]))))
            .MaxBy(s => s.Item2);
        Assert.Equal(direct.Index, index);
        Assert.Equal(direct.Q, q, 9);
    }

    [Fact]
    public void The_same_series_gives_the_same_answer()
    {
        double[] series = [.. SyntheticRuns.Samples(100, 5, 0.02, 1), .. SyntheticRuns.Samples(95, 5, 0.02, 2)];
        Assert.Equal(EDivisive.Detect(series), EDivisive.Detect(series));
    }

    private static double Q(double[] a, double[] b)
    {
        double m = a.Length, n = b.Length;
        double between = a.Sum(x => b.Sum(y => Math.Abs(x - y)));
        double Within(double[] s) => s.Length < 2 ? 0
            : Enumerable.Range(0, s.Length).Sum(i => Enumerable.Range(i + 1, s.Length - i - 1).Sum(k => Math.Abs(s[i] - s[k]))) / (s.Length * (s.Length - 1) / 2.0);
        return m * n / (m + n) * ((2 * between / (m * n)) - Within(a) - Within(b));
    }
}
