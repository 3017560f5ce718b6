namespace AiBench.Cuda.Native;

/// <summary><c>cublasLtMatmulDescAttributes_t</c> values used here (cublasLt.h), with the C type each takes.</summary>
internal enum CublasLtMatmulDescAttribute
{
    /// <summary>int32_t, a <see cref="CublasOperation"/>.</summary>
    TransA = 3,

    /// <summary>int32_t, a <see cref="CublasOperation"/>.</summary>
    TransB = 4,

    /// <summary>int8_t: 1 = fp8 fast accumulation (no periodic promotion of partial sums).</summary>
    FastAccum = 25,
}
