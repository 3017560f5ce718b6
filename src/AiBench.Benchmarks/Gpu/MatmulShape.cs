using System.Globalization;

namespace AiBench.Benchmarks.Gpu;

/// <summary>The sizes of one product: op(A) is m×k, op(B) is k×n, the output m×n.</summary>
internal readonly record struct MatmulShape(long M, long N, long K)
{
    public double Flops => MatmulFlops.PerProduct(M, N, K);

    /// <summary>Bytes of A, B and the output for the given element sizes.</summary>
    public long SetBytes(int inputBytes, int outputBytes) => (M * K + K * N) * inputBytes + M * N * outputBytes;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{M}x{N}x{K}");
}
