namespace AiBench.Benchmarks.Gpu;

/// <summary>Floating-point operations of a matrix product, docs/methodology.md's count: 2·m·n·k (a multiply and an add per term).</summary>
internal static class MatmulFlops
{
    public static double PerProduct(long m, long n, long k) => 2.0 * m * n * k;

    /// <summary>FLOP/s of <paramref name="products"/> products done in <paramref name="seconds"/>.</summary>
    public static double Rate(MatmulShape shape, long products, double seconds) => shape.Flops * products / seconds;
}
