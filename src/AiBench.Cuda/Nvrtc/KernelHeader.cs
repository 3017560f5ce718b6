namespace AiBench.Cuda;

/// <summary>An in-memory header NVRTC resolves for <c>#include "Name"</c> (NVRTC has no file-system include path here).</summary>
public sealed record KernelHeader(string Name, string Source);
