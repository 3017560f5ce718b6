using System.Numerics;
using System.Runtime.InteropServices;
using AiBench.Core.Errors;
using AiBench.Core.Results;

namespace AiBench.Benchmarks.Cpu;

/// <summary>
/// Row-major A (m×k), B (k×n) and C (m×n) in 64-byte-aligned native memory, the product C = A·B through CBLAS,
/// and a check of sampled outputs against a double-precision reference. <typeparamref name="T"/> is
/// <see cref="float"/> (sgemm) or <see cref="double"/> (dgemm).
/// </summary>
internal sealed unsafe class GemmOperands<T> : IDisposable
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private const nuint Alignment = 64;

    private T* _a;
    private T* _b;
    private T* _c;

    private GemmOperands(int m, int n, int k)
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
        {
            throw new NotSupportedException($"GEMM element type {typeof(T).Name} (only float and double)");
        }

        M = m;
        N = n;
        K = k;
    }

    public int M { get; }

    public int N { get; }

    public int K { get; }

    /// <summary>Bytes of the three matrices, in double so absurd shapes cannot overflow.</summary>
    public static double BytesNeeded(int m, int n, int k) =>
        ((double)m * k + (double)k * n + (double)m * n) * sizeof(T);

    /// <summary>Allocates the matrices and fills A and B with uniform values in [-1, 1) from <paramref name="seed"/> (never all zeros).</summary>
    public static GemmOperands<T> Create(int m, int n, int k, int seed)
    {
        var operands = new GemmOperands<T>(m, n, k);
        try
        {
            operands._a = Allocate((long)m * k);
            operands._b = Allocate((long)k * n);
            operands._c = Allocate((long)m * n);
            var random = new Random(seed);
            Fill(operands._a, (long)m * k, random);
            Fill(operands._b, (long)k * n, random);
            return operands;
        }
        catch
        {
            operands.Dispose();
            throw;
        }
    }

    /// <summary>C = A·B (alpha 1, beta 0).</summary>
    public void Multiply()
    {
        // The JIT specialises this per T and drops the branch not taken.
        if (typeof(T) == typeof(float))
        {
            Interop.OpenBlas.Sgemm(Interop.OpenBlas.RowMajor, Interop.OpenBlas.NoTranspose, Interop.OpenBlas.NoTranspose,
                M, N, K, 1f, (float*)_a, K, (float*)_b, N, 0f, (float*)_c, N);
        }
        else
        {
            Interop.OpenBlas.Dgemm(Interop.OpenBlas.RowMajor, Interop.OpenBlas.NoTranspose, Interop.OpenBlas.NoTranspose,
                M, N, K, 1d, (double*)_a, K, (double*)_b, N, 0d, (double*)_c, N);
        }
    }

    /// <summary>
    /// Recomputes <paramref name="count"/> outputs (the corners and random positions) in double and counts those off by
    /// more than <c>(4 + 2√k)·u·Σ|a·b|</c>, u the unit roundoff of <typeparamref name="T"/>. Rounding errors of a
    /// blocked, FMA-based sum grow like √k in practice (k·u is the worst-case bound, far too loose to catch a dropped
    /// block at large k), scaled by the sum of magnitudes so cancellation cannot cause false alarms.
    /// </summary>
    public Correctness Check(int count, int seed)
    {
        double unitRoundoff = typeof(T) == typeof(float) ? Math.ScaleB(1, -24) : Math.ScaleB(1, -53);
        double relativeTolerance = (4 + 2 * Math.Sqrt(K)) * unitRoundoff;
        var random = new Random(seed);
        long wrong = 0;
        for (int s = 0; s < count; s++)
        {
            (int i, int j) = s switch
            {
                0 => (0, 0),
                1 => (M - 1, N - 1),
                _ => (random.Next(M), random.Next(N)),
            };
            double expected = 0, magnitude = 0;
            for (int p = 0; p < K; p++)
            {
                double term = double.CreateTruncating(_a[(long)i * K + p]) * double.CreateTruncating(_b[(long)p * N + j]);
                expected += term;
                magnitude += Math.Abs(term);
            }

            double actual = double.CreateTruncating(_c[(long)i * N + j]);
            // Written so that NaN counts as wrong.
            if (!(Math.Abs(actual - expected) <= relativeTolerance * magnitude))
            {
                wrong++;
            }
        }

        return new Correctness(count, wrong);
    }

    public void Dispose()
    {
        NativeMemory.AlignedFree(_a);
        NativeMemory.AlignedFree(_b);
        NativeMemory.AlignedFree(_c);
        _a = _b = _c = null;
    }

    private static T* Allocate(long elements)
    {
        nuint bytes = checked((nuint)(elements * sizeof(T)));
        try
        {
            return (T*)NativeMemory.AlignedAlloc(bytes, Alignment);
        }
        catch (OutOfMemoryException)
        {
            throw new CouldNotRunException($"could not allocate {bytes} bytes for a GEMM matrix (out of memory; try smaller m, n, k)");
        }
    }

    private static void Fill(T* matrix, long elements, Random random)
    {
        for (long e = 0; e < elements; e++)
        {
            matrix[e] = T.CreateTruncating(random.NextDouble() * 2 - 1);
        }
    }
}
