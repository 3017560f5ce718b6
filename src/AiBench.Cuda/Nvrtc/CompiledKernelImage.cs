namespace AiBench.Cuda;

/// <summary>A compiled module image and how it was made.</summary>
public sealed record CompiledKernelImage(string SourceName, NvrtcTarget Target, byte[] Image, string NvrtcVersion, string Log);
