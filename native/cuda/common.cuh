// Shared helpers for the kernels AiBench compiles at run time with NVRTC (handed to NVRTC in memory as
// "common.cuh"). NVRTC has no standard or CUDA headers here, so the low-precision formats are converted at
// the bit level: IEEE fp16 (1-5-10), bfloat16 (1-8-7) and OCP/NVIDIA fp8 E4M3 "FN" (1-4-3, bias 7, max 448,
// no infinities, NaN = S.1111.111). Every conversion rounds to nearest, ties to even.
#pragma once

typedef unsigned long long u64;
typedef unsigned int u32;

// Storage types, distinct so overloads pick the right decoder.
struct f16_t { unsigned short bits; };
struct bf16_t { unsigned short bits; };
struct e4m3_t { unsigned char bits; };

// SplitMix64 finaliser: a counter-based hash, so element i's value depends only on (seed, i).
static __device__ inline u64 mix64(u64 z)
{
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static __device__ inline u32 float_bits(float f) { return __float_as_uint(f); }

static __device__ inline float bits_float(u32 u) { return __uint_as_float(u); }

// ---- encoders (from float) ----

static __device__ inline unsigned short float_to_f16_bits(float f)
{
    u32 x = float_bits(f);
    u32 sign = (x >> 16) & 0x8000u;
    u32 absx = x & 0x7FFFFFFFu;
    if (absx > 0x7F800000u) return (unsigned short)(sign | 0x7E00u);            // NaN
    int exponent = (int)(absx >> 23) - 127 + 15;
    u32 mantissa = absx & 0x7FFFFFu;
    if (exponent >= 31) return (unsigned short)(sign | 0x7C00u);                 // overflow: infinity
    if (exponent <= 0)                                                           // subnormal or zero
    {
        if (exponent < -10) return (unsigned short)sign;
        mantissa |= 0x800000u;
        u32 shift = (u32)(14 - exponent);
        u32 half = mantissa >> shift;
        u32 rest = mantissa & ((1u << shift) - 1u);
        u32 halfway = 1u << (shift - 1u);
        if (rest > halfway || (rest == halfway && (half & 1u))) half++;
        return (unsigned short)(sign | half);
    }
    u32 h = sign | ((u32)exponent << 10) | (mantissa >> 13);
    u32 rest = mantissa & 0x1FFFu;
    if (rest > 0x1000u || (rest == 0x1000u && (h & 1u))) h++;                   // a carry rounds into the exponent
    return (unsigned short)h;
}

static __device__ inline unsigned short float_to_bf16_bits(float f)
{
    u32 x = float_bits(f);
    if ((x & 0x7FFFFFFFu) > 0x7F800000u) return (unsigned short)((x >> 16) | 0x40u);   // NaN stays NaN
    x += 0x7FFFu + ((x >> 16) & 1u);
    return (unsigned short)(x >> 16);
}

static __device__ inline unsigned char float_to_e4m3_bits(float f)
{
    u32 x = float_bits(f);
    u32 sign = (x >> 24) & 0x80u;
    u32 absx = x & 0x7FFFFFFFu;
    if (absx > 0x7F800000u) return (unsigned char)(sign | 0x7Fu);                // NaN
    float a = bits_float(absx);
    if (a >= 448.0f) return (unsigned char)(sign | 0x7Eu);                       // saturate to the largest finite
    int exponent = (int)(absx >> 23) - 127;
    if (exponent < -6)                                                           // subnormal: multiples of 2^-9
    {
        u32 units = __float2uint_rn(a * 512.0f);                                 // 8 units becomes 2^-6, correctly
        return (unsigned char)(sign | units);
    }
    u32 mantissa = absx & 0x7FFFFFu;
    u32 m3 = mantissa >> 20;
    u32 rest = mantissa & 0xFFFFFu;
    if (rest > 0x80000u || (rest == 0x80000u && (m3 & 1u))) m3++;
    u32 e4 = (u32)(exponent + 7);
    if (m3 == 8u) { m3 = 0u; e4++; }
    if (e4 > 15u || (e4 == 15u && m3 == 7u)) return (unsigned char)(sign | 0x7Eu);
    return (unsigned char)(sign | (e4 << 3) | m3);
}

// ---- decoders (to double, exact) ----

static __device__ inline double to_double(double x) { return x; }

static __device__ inline double to_double(float x) { return (double)x; }

static __device__ inline double to_double(f16_t h)
{
    u32 sign = ((u32)h.bits & 0x8000u) << 16;
    u32 exponent = ((u32)h.bits >> 10) & 0x1Fu;
    u32 mantissa = (u32)h.bits & 0x3FFu;
    if (exponent == 0u)
    {
        double v = (double)mantissa * 5.9604644775390625e-8;                    // 2^-24
        return sign ? -v : v;
    }
    if (exponent == 31u) return (double)bits_float(sign | 0x7F800000u | (mantissa << 13));
    return (double)bits_float(sign | ((exponent + 112u) << 23) | (mantissa << 13));
}

static __device__ inline double to_double(bf16_t b) { return (double)bits_float((u32)b.bits << 16); }

static __device__ inline double to_double(e4m3_t e)
{
    u32 exponent = ((u32)e.bits >> 3) & 0xFu;
    u32 mantissa = (u32)e.bits & 0x7u;
    double v;
    if (exponent == 15u && mantissa == 7u) v = (double)bits_float(0x7FC00000u);  // NaN
    else if (exponent == 0u) v = (double)mantissa * 0.001953125;                // 2^-9
    else v = (double)bits_float(((exponent + 120u) << 23) | (mantissa << 20));
    return (e.bits & 0x80u) ? -v : v;
}
