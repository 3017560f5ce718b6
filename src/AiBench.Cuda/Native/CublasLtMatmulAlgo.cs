using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AiBench.Cuda.Native;

/// <summary><c>cublasLtMatmulAlgo_t</c>: a semi-opaque 64-byte algorithm descriptor (<c>uint64_t data[8]</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct CublasLtMatmulAlgo
{
    public const int SizeInBytes = 64;

    private AlgoData _data;

    [InlineArray(8)]
    private struct AlgoData
    {
        private ulong _element;
    }
}
