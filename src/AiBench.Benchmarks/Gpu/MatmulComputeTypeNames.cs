using AiBench.Cuda.Native;

namespace AiBench.Benchmarks.Gpu;

/// <summary>The cublas_api.h spelling of a compute type, for result files.</summary>
internal static class MatmulComputeTypeNames
{
    public static string Of(CublasComputeType type) => type switch
    {
        CublasComputeType.Compute16F => "CUBLAS_COMPUTE_16F",
        CublasComputeType.Compute32F => "CUBLAS_COMPUTE_32F",
        CublasComputeType.Compute32FPedantic => "CUBLAS_COMPUTE_32F_PEDANTIC",
        CublasComputeType.Compute64F => "CUBLAS_COMPUTE_64F",
        CublasComputeType.Compute32FFast16F => "CUBLAS_COMPUTE_32F_FAST_16F",
        CublasComputeType.Compute32FFast16BF => "CUBLAS_COMPUTE_32F_FAST_16BF",
        CublasComputeType.Compute32FFastTF32 => "CUBLAS_COMPUTE_32F_FAST_TF32",
        _ => type.ToString(),
    };
}
