// STREAM kernels for gpu.memory (BabelStream's definitions), compiled at run time by NVRTC.
// Elements are doubles moved as 16-byte vectors (two doubles: ld/st.global.v2.f64); n counts vectors.
// Every kernel walks the arrays in tiles of 4 x blockDim vectors, block b taking tiles b, b + grid, ... The grid is
// sized to the device (SMs x resident blocks); each thread keeps four independent vectors in flight, and the
// blocks running at one time touch one contiguous window of each array, as BabelStream's one-element-per-thread
// launch does, instead of scattering concurrent accesses over the whole array like a plain grid-stride loop.
//   copy  c = a          2 accesses per element
//   scale b = s * c      2
//   add   c = a + b      3
//   triad a = b + s * c  3
//   read  sum(a)         1 (per-block partial sums; the host adds them)
// Kernels that reduce (stream_read) must be launched with STREAM_BLOCK threads per block.

typedef unsigned long long u64;

struct alignas(16) vec2 { double x; double y; };

#define STREAM_BLOCK 256

static __device__ inline vec2 make2(double x, double y) { vec2 v; v.x = x; v.y = y; return v; }

#define STREAM_LOOP(BODY)                                                     \
    const u64 tile = (u64)blockDim.x * 4;                                     \
    const u64 tiles = n / tile;                                               \
    for (u64 t = blockIdx.x; t < tiles; t += gridDim.x)                       \
    {                                                                         \
        const u64 i0 = t * tile + threadIdx.x, i1 = i0 + blockDim.x;          \
        const u64 i2 = i1 + blockDim.x, i3 = i2 + blockDim.x;                 \
        BODY(i0, i1, i2, i3)                                                  \
    }                                                                         \
    for (u64 i = tiles * tile + (u64)blockIdx.x * blockDim.x + threadIdx.x;   \
         i < n; i += (u64)gridDim.x * blockDim.x)                             \
    {                                                                         \
        BODY(i, i, i, i)                                                      \
    }

extern "C" __global__ void stream_init(vec2* __restrict__ a, vec2* __restrict__ b, vec2* __restrict__ c,
                                       double va, double vb, double vc, u64 n)
{
    const u64 stride = (u64)gridDim.x * blockDim.x;
    for (u64 i = (u64)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride)
    {
        a[i] = make2(va, va);
        b[i] = make2(vb, vb);
        c[i] = make2(vc, vc);
    }
}

#define COPY_BODY(i0, i1, i2, i3)                                             \
    vec2 x0 = a[i0], x1 = a[i1], x2 = a[i2], x3 = a[i3];                      \
    c[i0] = x0; c[i1] = x1; c[i2] = x2; c[i3] = x3;

extern "C" __global__ void stream_copy(const vec2* __restrict__ a, vec2* __restrict__ c, u64 n)
{
    STREAM_LOOP(COPY_BODY)
}

#define SCALE_BODY(i0, i1, i2, i3)                                            \
    vec2 x0 = c[i0], x1 = c[i1], x2 = c[i2], x3 = c[i3];                      \
    b[i0] = make2(s * x0.x, s * x0.y); b[i1] = make2(s * x1.x, s * x1.y);     \
    b[i2] = make2(s * x2.x, s * x2.y); b[i3] = make2(s * x3.x, s * x3.y);

extern "C" __global__ void stream_scale(vec2* __restrict__ b, const vec2* __restrict__ c, double s, u64 n)
{
    STREAM_LOOP(SCALE_BODY)
}

#define ADD_BODY(i0, i1, i2, i3)                                              \
    vec2 x0 = a[i0], x1 = a[i1], x2 = a[i2], x3 = a[i3];                      \
    vec2 y0 = b[i0], y1 = b[i1], y2 = b[i2], y3 = b[i3];                      \
    c[i0] = make2(x0.x + y0.x, x0.y + y0.y); c[i1] = make2(x1.x + y1.x, x1.y + y1.y); \
    c[i2] = make2(x2.x + y2.x, x2.y + y2.y); c[i3] = make2(x3.x + y3.x, x3.y + y3.y);

extern "C" __global__ void stream_add(const vec2* __restrict__ a, const vec2* __restrict__ b, vec2* __restrict__ c, u64 n)
{
    STREAM_LOOP(ADD_BODY)
}

#define TRIAD_BODY(i0, i1, i2, i3)                                            \
    vec2 y0 = b[i0], y1 = b[i1], y2 = b[i2], y3 = b[i3];                      \
    vec2 z0 = c[i0], z1 = c[i1], z2 = c[i2], z3 = c[i3];                      \
    a[i0] = make2(y0.x + s * z0.x, y0.y + s * z0.y); a[i1] = make2(y1.x + s * z1.x, y1.y + s * z1.y); \
    a[i2] = make2(y2.x + s * z2.x, y2.y + s * z2.y); a[i3] = make2(y3.x + s * z3.x, y3.y + s * z3.y);

extern "C" __global__ void stream_triad(vec2* __restrict__ a, const vec2* __restrict__ b, const vec2* __restrict__ c,
                                        double s, u64 n)
{
    STREAM_LOOP(TRIAD_BODY)
}

#define READ_BODY(i0, i1, i2, i3)                                             \
    if (i0 == i1)                                                             \
    {                                                                         \
        vec2 x = a[i0];                                                       \
        s0 += x.x + x.y;                                                      \
    }                                                                         \
    else                                                                      \
    {                                                                         \
        vec2 x0 = a[i0], x1 = a[i1], x2 = a[i2], x3 = a[i3];                  \
        s0 += x0.x + x0.y; s1 += x1.x + x1.y; s2 += x2.x + x2.y; s3 += x3.x + x3.y; \
    }

extern "C" __global__ void stream_read(const vec2* __restrict__ a, double* __restrict__ partial, u64 n)
{
    __shared__ double sums[STREAM_BLOCK];
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    STREAM_LOOP(READ_BODY)
    sums[threadIdx.x] = (s0 + s1) + (s2 + s3);
    __syncthreads();
    for (unsigned width = STREAM_BLOCK / 2; width > 0; width >>= 1)
    {
        if (threadIdx.x < width) sums[threadIdx.x] += sums[threadIdx.x + width];
        __syncthreads();
    }
    if (threadIdx.x == 0) partial[blockIdx.x] = sums[0];
}

// Counts elements (doubles, not vectors) farther than tolerance from expected.
extern "C" __global__ void stream_check(const double* __restrict__ x, u64 count, double expected, double tolerance,
                                        u64* __restrict__ wrong)
{
    const u64 stride = (u64)gridDim.x * blockDim.x;
    u64 local = 0;
    for (u64 i = (u64)blockIdx.x * blockDim.x + threadIdx.x; i < count; i += stride)
    {
        double d = x[i] - expected;
        if (!(d <= tolerance && -d <= tolerance)) local++;
    }
    if (local != 0) atomicAdd(wrong, local);
}
