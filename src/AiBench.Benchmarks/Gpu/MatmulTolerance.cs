using AiBench.Cuda.Native;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// How far a cuBLASLt output element may be from the fp64 reference computed from the same stored inputs:
/// |d − ref| ≤ <see cref="RelativeToReference"/>·|ref| + <see cref="RelativeToNorm"/>·‖terms‖₂, where ‖terms‖₂ is the
/// 2-norm of the k products a_ip·b_pj. The first term is the output's rounding (twice the unit roundoff u of the
/// output type). The second covers the accumulation (k additions at the accumulator's precision, bounded linearly
/// so truncating tensor-core adders pass), split-k partial sums kept in the output type, and TF32's rounding of the
/// inputs. Relative to the terms' norm the bound stays meaningful when the random-signed terms cancel, and a wrong
/// result — an error of the order of the norm — exceeds it many times over.
/// </summary>
internal readonly record struct MatmulTolerance(double RelativeToReference, double RelativeToNorm)
{
    private const double U64 = 1.1102230246251565e-16;   // 2^-53
    private const double U32 = 5.9604644775390625e-8;    // 2^-24
    private const double U16 = 4.8828125e-4;             // 2^-11 (fp16 and tf32 mantissas)
    private const double UBf16 = 3.90625e-3;             // 2^-8
    private const double U14 = 6.103515625e-5;           // 2^-14
    private const double UE4M3 = 6.25e-2;                // 2^-4 (3 mantissa bits)

    public static MatmulTolerance For(MatmulDataType type, long k) => type.Name switch
    {
        // An e4m3 output (mamf-finder's fp8) rounds to 3 mantissa bits; fp32 accumulation without fast accumulation.
        // Below 2^-6 it is subnormal, spaced 2^-9: an absolute error up to 2^-10, which is at most 2^-4/√k of the terms'
        // norm (each term is at least 1/64 with inputs of magnitude ≥ 1/8), allowed twice.
        "fp8" when type.OutputType == CudaDataType.R8FE4M3 => new(2 * UE4M3, 2 * k * U32 + 2 * UE4M3 / Math.Sqrt(k)),

        "fp64" => new(2 * U64, 4 * k * U64),
        "fp32" => new(2 * U32, 2 * k * U32),

        // TF32 rounds each input to 10 mantissa bits; truncation would bias every term toward zero, hence the
        // extra share relative to |ref| as well as the norm term.
        "tf32" => new(2 * U32 + 4 * U16, 16 * U16 + 2 * k * U32),

        // A split-k algorithm may keep its partial sums in the output type (CUBLASLT_REDUCTION_SCHEME_OUTPUT_TYPE):
        // 16-bit outputs allow a few of their roundings relative to the norm.
        "fp16" => new(2 * U16, 2 * k * U32 + 4 * U16),
        "bf16" => new(2 * UBf16, 2 * k * U32 + 4 * UBf16),

        // Fast accumulation keeps roughly 14 mantissa bits when a k-step of 32 is added to the accumulator (DeepSeek-V3
        // measured ~14 on H800): about 2^-14·√k of the norm, allowed 12-fold, and never below 2%.
        "fp8" => new(2 * UBf16, Math.Max(0.02, 12 * Math.Sqrt(k) * U14) + 4 * UBf16),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, null),
    };
}
