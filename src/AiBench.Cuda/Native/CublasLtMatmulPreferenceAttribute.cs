namespace AiBench.Cuda.Native;

/// <summary><c>cublasLtMatmulPreferenceAttributes_t</c> values used here (cublasLt.h).</summary>
internal enum CublasLtMatmulPreferenceAttribute
{
    /// <summary>uint64_t: the largest workspace an algorithm may ask for.</summary>
    MaxWorkspaceBytes = 1,
}
