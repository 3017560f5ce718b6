namespace AiBench.Cuda.Native;

/// <summary><c>cublasOperation_t</c> (cublas_api.h).</summary>
public enum CublasOperation
{
    None = 0,
    Transpose = 1,
}
