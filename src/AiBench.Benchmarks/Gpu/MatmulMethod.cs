namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// How gpu.matmul measures a shape. <see cref="Fast"/> is AiBench's own, faster settings; <see cref="MamfFinder"/> is
/// ml-engineering's mamf-finder.py (benchmark version 2), so a mamf figure means what mamf-finder's published MAMF
/// means (see <see cref="MamfFinderSettings"/>).
/// </summary>
internal enum MatmulMethod
{
    /// <summary>
    /// The fastest of the heuristic's top candidates; samples of back-to-back products rotating through buffer sets
    /// larger than twice the L2 (warm clocks, no gap between products); fp8 with bf16 output and fast accumulation;
    /// TN with the shape's m as cuBLAS's m; ranges include their stop; no accelerator warm-up unless asked.
    /// </summary>
    Fast,

    /// <summary>
    /// mamf-finder: 30 s of accelerator warm-up on the first shape, then per shape 50 warm-up and 100 timed products,
    /// each timed alone after the L2 is flushed and the output rewritten; FLOPs / mean time; M×N×K row-major as
    /// torch.mm (cuBLAS's m is N); the heuristic's first algorithm; fp8 as torch._scaled_mm (e4m3 output, fp16 C, no
    /// fast accumulation); ranges exclude their stop (np.arange).
    /// </summary>
    MamfFinder,
}

internal static class MatmulMethods
{
    public static IReadOnlyList<string> Names { get; } = ["fast", "mamf-finder"];

    public static MatmulMethod Parse(string name) => string.Equals(name, "mamf-finder", StringComparison.OrdinalIgnoreCase)
        ? MatmulMethod.MamfFinder
        : string.Equals(name, "fast", StringComparison.OrdinalIgnoreCase)
            ? MatmulMethod.Fast
            : throw new ArgumentOutOfRangeException(nameof(name), name, "not a gpu.matmul method");

    public static string Name(this MatmulMethod method) => Names[(int)method];

    /// <summary>Whether a range's stop is one of its values (fast) or not (mamf-finder, as np.arange).</summary>
    public static bool RangesIncludeStop(this MatmulMethod method) => method == MatmulMethod.Fast;

    /// <summary>
    /// The product cuBLASLt is asked for. mamf-finder's torch.mm(A, B) with A (M×K) and B (K×N) row-major is, in
    /// cuBLAS's column-major terms, Cᵀ = Bᵀ·Aᵀ in the TN layout: cuBLAS's m is N and its n is M. The fast method
    /// gives its m, n, k to cuBLASLt as they are.
    /// </summary>
    public static MatmulShape CublasShape(this MatmulMethod method, MatmulShape shape) =>
        method == MatmulMethod.MamfFinder ? new MatmulShape(shape.N, shape.M, shape.K) : shape;

    /// <summary>Heuristic candidates timed per shape for <c>algorithms=auto</c>: 8, or cuBLAS's and torch's single choice.</summary>
    public static int AutoAlgorithms(this MatmulMethod method) => method == MatmulMethod.MamfFinder ? 1 : 8;

    /// <summary>Accelerator warm-up before the first shape for <c>accelerator_warmup=auto</c>.</summary>
    public static TimeSpan AutoAcceleratorWarmup(this MatmulMethod method) =>
        method == MatmulMethod.MamfFinder ? MamfFinderSettings.AcceleratorWarmup : TimeSpan.Zero;
}
