namespace AiBench.Cuda.Loading;

/// <summary>The outcome of loading one CUDA library: the handle and the file that answered, or why none did.</summary>
public sealed record LoadedCudaLibrary(CudaLibrary Library, nint Handle, string? LoadedFrom, string? Failure)
{
    public bool IsLoaded => Handle != 0;
}
