using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AiBench.Cuda.Native;

/// <summary>
/// <c>cublasLtMatmulHeuristicResult_t</c> (cublasLt.h, unchanged from CUDA 11 to 13):
/// <c>{ cublasLtMatmulAlgo_t algo; size_t workspaceSize; cublasStatus_t state; float wavesCount; int reserved[4]; }</c>
/// — 64 + 8 + 4 + 4 + 16 = 96 bytes, offsets 0, 64, 72, 76, 80 on 64-bit Linux.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CublasLtMatmulHeuristicResult
{
    public const int SizeInBytes = 96;

    public CublasLtMatmulAlgo Algo;

    /// <summary>Workspace the algorithm needs, in bytes.</summary>
    public nuint WorkspaceSize;

    /// <summary>Only when this is <see cref="CublasStatus.Success"/> are the other fields valid.</summary>
    public CublasStatus State;

    /// <summary>Device utilisation estimate: 1.0 fills the GPU once.</summary>
    public float WavesCount;

    private Reserved4 _reserved;

    [InlineArray(4)]
    private struct Reserved4
    {
        private int _element;
    }
}
