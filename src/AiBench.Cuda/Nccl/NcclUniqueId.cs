using System.Runtime.CompilerServices;

namespace AiBench.Cuda.Nccl;

/// <summary><c>ncclUniqueId</c>: 128 opaque bytes made by rank 0 (<c>ncclGetUniqueId</c>) and broadcast to every rank.</summary>
[InlineArray(Size)]
public struct NcclUniqueId
{
    public const int Size = 128;

    private byte _first;
}
