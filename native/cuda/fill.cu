// Device-side random fill for gpu.matmul's inputs: element i of a buffer gets sign * (lo + (hi - lo) * u), with
// u uniform in [0, 1) and a random sign, both from a counter-based hash of (seed, i) — so values are never zero
// when lo > 0, need no host memory, and are the same on every run. Grid-stride loops; any grid size works.
#include "common.cuh"

static __device__ inline double random_value(u64 seed, u64 i, double lo, double hi)
{
    u64 h = mix64(seed ^ mix64(i));
    double u = (double)(h >> 11) * (1.0 / 9007199254740992.0);                 // top 53 bits: [0, 1)
    double magnitude = lo + (hi - lo) * u;
    return (h & 1ull) ? -magnitude : magnitude;
}

#define FILL_LOOP(STORE)                                                                    \
    u64 stride = (u64)gridDim.x * blockDim.x;                                               \
    for (u64 i = (u64)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride)            \
    {                                                                                       \
        double v = random_value(seed, i, lo, hi);                                           \
        STORE;                                                                              \
    }

extern "C" __global__ void fill_f64(double* __restrict__ p, u64 n, u64 seed, double lo, double hi)
{
    FILL_LOOP(p[i] = v)
}

extern "C" __global__ void fill_f32(float* __restrict__ p, u64 n, u64 seed, double lo, double hi)
{
    FILL_LOOP(p[i] = (float)v)
}

extern "C" __global__ void fill_f16(unsigned short* __restrict__ p, u64 n, u64 seed, double lo, double hi)
{
    FILL_LOOP(p[i] = float_to_f16_bits((float)v))
}

extern "C" __global__ void fill_bf16(unsigned short* __restrict__ p, u64 n, u64 seed, double lo, double hi)
{
    FILL_LOOP(p[i] = float_to_bf16_bits((float)v))
}

extern "C" __global__ void fill_e4m3(unsigned char* __restrict__ p, u64 n, u64 seed, double lo, double hi)
{
    FILL_LOOP(p[i] = float_to_e4m3_bits((float)v))
}

// Zeroes n 32-bit words: mamf-finder's "l2_cache.zero_()" before every timed product, which evicts the inputs and
// output of the previous one from the L2 cache (a kernel, as torch's zero_ is).
extern "C" __global__ void fill_zero_u32(unsigned int* __restrict__ p, u64 n)
{
    u64 stride = (u64)gridDim.x * blockDim.x;
    for (u64 i = (u64)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) p[i] = 0u;
}
