namespace AiBench.Cuda.Native;

/// <summary><c>cublasComputeType_t</c> (cublas_api.h): the precision products are accumulated in.</summary>
public enum CublasComputeType
{
    Compute16F = 64,
    Compute32F = 68,
    Compute32FPedantic = 69,
    Compute64F = 70,
    Compute32FFast16F = 74,
    Compute32FFast16BF = 75,

    /// <summary>fp32 data, products on TF32 tensor cores (inputs rounded to 10 mantissa bits).</summary>
    Compute32FFastTF32 = 77,
}
