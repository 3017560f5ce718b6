// Correctness check for gpu.matmul: recomputes a sample of output elements in fp64 from the very inputs cuBLASLt
// read (decoded exactly from their storage format) and compares them with cuBLASLt's output.
//
// Layout (cuBLASLt column-major, "TN"): A is stored k x m (lda = k), so op(A)[i][p] = A[i*k + p]; B is stored
// k x n (ldb = k), so B[p][j] = B[j*k + p]; D is m x n (ldd = m), D[i][j] = D[j*m + i].
//
// One block of CHECK_BLOCK threads per sampled element. The block computes ref = sum_p a_ip*b_pj and
// norm = sqrt(sum_p (a_ip*b_pj)^2) and writes ratio = |d - ref| / (rel_ref*|ref| + rel_norm*norm): the error as
// a fraction of what the data type allows (output rounding relative to |ref|, accumulation and input rounding
// relative to the norm of the terms, which stays meaningful when the terms cancel). ratio <= 1 is correct; a NaN
// output gives a NaN ratio, which the host counts as wrong. Sample 0 is element (0, 0), sample 1 is (m-1, n-1),
// the rest are hashed from (seed, sample).
#include "common.cuh"

#define CHECK_BLOCK 256

// What the output format can hold of the exact result: an fp8 E4M3 output saturates at +-448 (cuBLASLt converts
// with satfinite), every other output type holds the result's range.
template <typename T>
static __device__ inline double representable(double x, const T*) { return x; }

static __device__ inline double representable(double x, const e4m3_t*) { return x > 448.0 ? 448.0 : (x < -448.0 ? -448.0 : x); }

template <typename TIn, typename TOut>
static __device__ void check_products(
    const TIn* __restrict__ A, const TIn* __restrict__ B, const TOut* __restrict__ D,
    u64 m, u64 n, u64 k, u64 seed, double rel_ref, double rel_norm, double* __restrict__ ratio)
{
    __shared__ double sums[CHECK_BLOCK];
    __shared__ double squares[CHECK_BLOCK];
    u64 sample = blockIdx.x;
    u64 i, j;
    if (sample == 0) { i = 0; j = 0; }
    else if (sample == 1) { i = m - 1; j = n - 1; }
    else
    {
        u64 h = mix64(seed ^ mix64(sample));
        i = (h & 0xFFFFFFFFull) % m;
        j = (h >> 32) % n;
    }

    const TIn* row = A + i * k;
    const TIn* column = B + j * k;
    double sum = 0.0, square = 0.0;
    for (u64 p = threadIdx.x; p < k; p += CHECK_BLOCK)
    {
        double term = to_double(row[p]) * to_double(column[p]);
        sum += term;
        square += term * term;
    }
    sums[threadIdx.x] = sum;
    squares[threadIdx.x] = square;
    __syncthreads();
    for (unsigned width = CHECK_BLOCK / 2; width > 0; width >>= 1)
    {
        if (threadIdx.x < width)
        {
            sums[threadIdx.x] += sums[threadIdx.x + width];
            squares[threadIdx.x] += squares[threadIdx.x + width];
        }
        __syncthreads();
    }

    if (threadIdx.x == 0)
    {
        double reference = representable(sums[0], D);
        double norm = sqrt(squares[0]);
        double d = to_double(D[j * m + i]);
        double error = d - reference;
        if (error < 0.0) error = -error;
        double magnitude = reference < 0.0 ? -reference : reference;
        ratio[sample] = error / (rel_ref * magnitude + rel_norm * norm);
    }
}

#define CHECK_KERNEL(NAME, TIN, TOUT)                                                                  \
    extern "C" __global__ void NAME(const TIN* A, const TIN* B, const TOUT* D, u64 m, u64 n, u64 k,    \
                                    u64 seed, double rel_ref, double rel_norm, double* ratio)          \
    {                                                                                                  \
        check_products<TIN, TOUT>(A, B, D, m, n, k, seed, rel_ref, rel_norm, ratio);                   \
    }

CHECK_KERNEL(matmul_check_f64, double, double)
CHECK_KERNEL(matmul_check_f32, float, float)
CHECK_KERNEL(matmul_check_f16, f16_t, f16_t)
CHECK_KERNEL(matmul_check_bf16, bf16_t, bf16_t)
CHECK_KERNEL(matmul_check_e4m3_bf16, e4m3_t, bf16_t)
CHECK_KERNEL(matmul_check_e4m3_e4m3, e4m3_t, e4m3_t)
