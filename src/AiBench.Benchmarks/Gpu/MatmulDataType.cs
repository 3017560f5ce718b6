using AiBench.Cuda;
using AiBench.Cuda.Native;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// How gpu.matmul runs one <c>dtype</c> on cuBLASLt (all in the TN layout):
/// <list type="bullet">
/// <item>fp64: fp64 data, COMPUTE_64F, fp64 scale;</item>
/// <item>fp32: fp32 data, COMPUTE_32F (true fp32, no TF32);</item>
/// <item>tf32: fp32 data, COMPUTE_32F_FAST_TF32 (TF32 tensor cores);</item>
/// <item>fp16, bf16: 16-bit data and output, COMPUTE_32F, fp32 scale;</item>
/// <item>fp8 (method fast): e4m3 inputs, bf16 output, COMPUTE_32F, fp32 scale, fast accumulation; compute capability 8.9+;</item>
/// <item>fp8 (method mamf-finder, <see cref="Fp8MamfFinder"/>): as torch._scaled_mm in mamf-finder: e4m3 inputs and
/// output, fp16 C (PyTorch's C type for an fp8 output), COMPUTE_32F, fp32 scale, no fast accumulation.</item>
/// </list>
/// </summary>
internal sealed record MatmulDataType(
    string Name,
    CudaDataType InputType,
    CudaDataType OutputType,
    CublasComputeType ComputeType,
    CudaDataType ScaleType,
    int InputBytes,
    int OutputBytes,
    bool FastAccumulation,
    string FillKernel,
    string OutputFillKernel,
    string CheckKernel,
    ComputeCapability MinimumCapability)
{
    public static MatmulDataType Fp64 { get; } = new(
        "fp64", CudaDataType.R64F, CudaDataType.R64F, CublasComputeType.Compute64F, CudaDataType.R64F, 8, 8, false,
        "fill_f64", "fill_f64", "matmul_check_f64", new ComputeCapability(0, 0));

    public static MatmulDataType Fp32 { get; } = new(
        "fp32", CudaDataType.R32F, CudaDataType.R32F, CublasComputeType.Compute32F, CudaDataType.R32F, 4, 4, false,
        "fill_f32", "fill_f32", "matmul_check_f32", new ComputeCapability(0, 0));

    public static MatmulDataType Tf32 { get; } = new(
        "tf32", CudaDataType.R32F, CudaDataType.R32F, CublasComputeType.Compute32FFastTF32, CudaDataType.R32F, 4, 4, false,
        "fill_f32", "fill_f32", "matmul_check_f32", new ComputeCapability(8, 0));

    public static MatmulDataType Fp16 { get; } = new(
        "fp16", CudaDataType.R16F, CudaDataType.R16F, CublasComputeType.Compute32F, CudaDataType.R32F, 2, 2, false,
        "fill_f16", "fill_f16", "matmul_check_f16", new ComputeCapability(0, 0));

    public static MatmulDataType Bf16 { get; } = new(
        "bf16", CudaDataType.R16BF, CudaDataType.R16BF, CublasComputeType.Compute32F, CudaDataType.R32F, 2, 2, false,
        "fill_bf16", "fill_bf16", "matmul_check_bf16", new ComputeCapability(8, 0));

    public static MatmulDataType Fp8 { get; } = new(
        "fp8", CudaDataType.R8FE4M3, CudaDataType.R16BF, CublasComputeType.Compute32F, CudaDataType.R32F, 1, 2, true,
        "fill_e4m3", "fill_bf16", "matmul_check_e4m3_bf16", new ComputeCapability(8, 9));

    public static MatmulDataType Fp8MamfFinder { get; } = new(
        "fp8", CudaDataType.R8FE4M3, CudaDataType.R8FE4M3, CublasComputeType.Compute32F, CudaDataType.R32F, 1, 1, false,
        "fill_e4m3", "fill_e4m3", "matmul_check_e4m3_e4m3", new ComputeCapability(8, 9))
    {
        CType = CudaDataType.R16F,
    };

    public static IReadOnlyList<MatmulDataType> All { get; } = [Fp64, Fp32, Tf32, Fp16, Bf16, Fp8];

    public static IReadOnlyList<string> Names { get; } = All.Select(t => t.Name).ToList();

    /// <summary>C's type when it is not the output's (cuBLASLt needs a 16-bit C for an fp8 D); null: the output's.</summary>
    public CudaDataType? CType { get; init; }

    /// <summary>fp8 GEMMs need m, n and k (and so the leading dimensions) to be multiples of 16.</summary>
    public int DimensionMultiple => InputBytes == 1 ? 16 : 1;

    public static MatmulDataType Parse(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentOutOfRangeException(nameof(name), name, $"not one of {string.Join(", ", Names)}");

    /// <summary>The dtype as <paramref name="method"/> runs it: only fp8 differs (mamf-finder's torch._scaled_mm settings).</summary>
    public static MatmulDataType For(string name, MatmulMethod method)
    {
        MatmulDataType type = Parse(name);
        return method == MatmulMethod.MamfFinder && type == Fp8 ? Fp8MamfFinder : type;
    }

    public CublasLtMatmulSpec Spec(MatmulShape shape) =>
        new(shape.M, shape.N, shape.K, InputType, OutputType, ComputeType, ScaleType, FastAccumulation: FastAccumulation, CType: CType);
}
