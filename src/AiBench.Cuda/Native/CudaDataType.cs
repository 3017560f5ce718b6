namespace AiBench.Cuda.Native;

/// <summary><c>cudaDataType_t</c> (library_types.h): element types of cuBLASLt matrices and scalars.</summary>
public enum CudaDataType
{
    R32F = 0,
    R64F = 1,
    R16F = 2,
    R16BF = 14,
    R8FE4M3 = 28,
    R8FE5M2 = 29,
}
