using AiBench.Core.Errors;

namespace AiBench.Benchmarks.Gpu;

/// <summary>The Cartesian product of the m, n and k ranges that mamf mode searches (mamf-finder's brute force).</summary>
internal static class ShapeGrid
{
    public const int MaxShapes = 4096;

    public static IReadOnlyList<MatmulShape> Expand(string mRange, string nRange, string kRange, bool includeStop = true)
    {
        IReadOnlyList<long> ms = ShapeRange.Parse("m_range", mRange, includeStop);
        IReadOnlyList<long> ns = ShapeRange.Parse("n_range", nRange, includeStop);
        IReadOnlyList<long> ks = ShapeRange.Parse("k_range", kRange, includeStop);
        long count = (long)ms.Count * ns.Count * ks.Count;
        if (count > MaxShapes)
        {
            throw new BadInputException($"the mamf grid m_range × n_range × k_range has {count} shapes; the limit is {MaxShapes}");
        }

        return (from m in ms from n in ns from k in ks select new MatmulShape(m, n, k)).ToList();
    }

    /// <summary>The largest m, n and k of a grid: the buffer sizes that serve every shape in it.</summary>
    public static MatmulShape Envelope(IReadOnlyList<MatmulShape> shapes) =>
        new(shapes.Max(s => s.M), shapes.Max(s => s.N), shapes.Max(s => s.K));
}
