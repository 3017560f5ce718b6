using AiBench.Cuda.Native;

namespace AiBench.Cuda;

/// <summary>
/// One matrix product D = op(A)·op(B) in cuBLASLt's column-major terms: op(A) is m×k, op(B) is k×n, C and D are m×n
/// (ldc = m). With <see cref="CublasOperation.Transpose"/> a matrix is stored transposed: A as k×m with lda = k (the
/// "TN" layout cuBLASLt benchmarks use, and that fp8 requires on Hopper and Ada). <see cref="CType"/> is C's type when
/// it differs from D's (an fp8 D needs a 16-bit C; with beta = 0 C is never read).
/// </summary>
public sealed record CublasLtMatmulSpec(
    long M,
    long N,
    long K,
    CudaDataType InputType,
    CudaDataType OutputType,
    CublasComputeType ComputeType,
    CudaDataType ScaleType,
    CublasOperation TransA = CublasOperation.Transpose,
    CublasOperation TransB = CublasOperation.None,
    bool FastAccumulation = false,
    CudaDataType? CType = null)
{
    /// <summary>Rows, columns and leading dimension of A as stored.</summary>
    public (long Rows, long Columns, long Ld) AStorage => TransA == CublasOperation.Transpose ? (K, M, K) : (M, K, M);

    /// <summary>Rows, columns and leading dimension of B as stored.</summary>
    public (long Rows, long Columns, long Ld) BStorage => TransB == CublasOperation.Transpose ? (N, K, N) : (K, N, K);
}
