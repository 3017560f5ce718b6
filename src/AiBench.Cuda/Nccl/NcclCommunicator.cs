using System.Globalization;
using System.Runtime.InteropServices;
using AiBench.Core.Native;
using AiBench.Cuda.Loading;

namespace AiBench.Cuda.Nccl;

/// <summary>NCCL's element types and reductions (nccl.h values).</summary>
public enum NcclDataType
{
    Float32 = 7,
    Float64 = 8,
}

public enum NcclRedOp
{
    Sum = 0,
    Prod = 1,
    Max = 2,
    Min = 3,
}

/// <summary>
/// One NCCL communicator of this process (one GPU per rank). Created with <see cref="Create"/> from the unique id rank 0
/// made; every collective is enqueued on the given stream. Status codes become <see cref="CudaException"/>s in one place.
/// </summary>
public sealed unsafe class NcclCommunicator : IDisposable
{
    private nint _comm;

    private NcclCommunicator(nint comm, int rank, int ranks)
    {
        _comm = comm;
        Rank = rank;
        Ranks = ranks;
    }

    public int Rank { get; }

    public int Ranks { get; }

    /// <summary>Whether libnccl.so.2 loads; the reason (every place searched) when not. Never throws.</summary>
    public static bool TryLoad(out string reason)
    {
        LoadedNativeLibrary library = CudaLibraryLoader.Load(CudaLibrary.Nccl);
        reason = library.Failure ?? "";
        return library.Handle != 0;
    }

    /// <summary>Where libnccl was loaded from, for the result's Info.</summary>
    public static string? LoadedFrom => CudaLibraryLoader.Load(CudaLibrary.Nccl).LoadedFrom;

    /// <summary>NCCL's version as text (2.21.5).</summary>
    public static string Version
    {
        get
        {
            ThrowIfFailed(Interop.Nccl.ncclGetVersion(out int code), "ncclGetVersion");
            // Since 2.9: major * 10000 + minor * 100 + patch; before: major * 1000 + minor * 100 + patch.
            (int major, int rest) = code >= 10000 ? (code / 10000, code % 10000) : (code / 1000, code % 1000);
            return string.Create(CultureInfo.InvariantCulture, $"{major}.{rest / 100}.{rest % 100}");
        }
    }

    public static NcclUniqueId NewUniqueId()
    {
        NcclUniqueId id = default;
        ThrowIfFailed(Interop.Nccl.ncclGetUniqueId(&id), "ncclGetUniqueId");
        return id;
    }

    /// <summary>ncclCommInitRank on the current CUDA context's device.</summary>
    public static NcclCommunicator Create(NcclUniqueId id, int ranks, int rank)
    {
        ThrowIfFailed(Interop.Nccl.ncclCommInitRank(out nint comm, ranks, id, rank), "ncclCommInitRank");
        return new NcclCommunicator(comm, rank, ranks);
    }

    public void AllReduce(ulong send, ulong receive, long count, NcclDataType type, NcclRedOp op, CudaStream stream) =>
        ThrowIfFailed(Interop.Nccl.ncclAllReduce(send, receive, (nuint)count, (int)type, (int)op, _comm, stream.Handle), "ncclAllReduce");

    public void AllGather(ulong send, ulong receive, long sendCount, NcclDataType type, CudaStream stream) =>
        ThrowIfFailed(Interop.Nccl.ncclAllGather(send, receive, (nuint)sendCount, (int)type, _comm, stream.Handle), "ncclAllGather");

    public void ReduceScatter(ulong send, ulong receive, long receiveCount, NcclDataType type, NcclRedOp op, CudaStream stream) =>
        ThrowIfFailed(
            Interop.Nccl.ncclReduceScatter(send, receive, (nuint)receiveCount, (int)type, (int)op, _comm, stream.Handle), "ncclReduceScatter");

    public void Broadcast(ulong send, ulong receive, long count, NcclDataType type, int root, CudaStream stream) =>
        ThrowIfFailed(Interop.Nccl.ncclBroadcast(send, receive, (nuint)count, (int)type, root, _comm, stream.Handle), "ncclBroadcast");

    /// <summary>All-to-all as nccl-tests does it: one grouped send and receive of <paramref name="count"/> elements per peer.</summary>
    public void AllToAll(ulong send, ulong receive, long count, int elementSize, NcclDataType type, CudaStream stream)
    {
        ThrowIfFailed(Interop.Nccl.ncclGroupStart(), "ncclGroupStart");
        for (int peer = 0; peer < Ranks; peer++)
        {
            ulong offset = (ulong)(peer * count * elementSize);
            ThrowIfFailed(Interop.Nccl.ncclSend(send + offset, (nuint)count, (int)type, peer, _comm, stream.Handle), "ncclSend");
            ThrowIfFailed(Interop.Nccl.ncclRecv(receive + offset, (nuint)count, (int)type, peer, _comm, stream.Handle), "ncclRecv");
        }

        ThrowIfFailed(Interop.Nccl.ncclGroupEnd(), "ncclGroupEnd");
    }

    public void Dispose()
    {
        if (_comm != 0)
        {
            _ = Interop.Nccl.ncclCommDestroy(_comm);
            _comm = 0;
        }
    }

    private static void ThrowIfFailed(int result, string call)
    {
        if (result != 0)
        {
            string detail = Marshal.PtrToStringUTF8(Interop.Nccl.ncclGetErrorString(result)) ?? "";
            throw new CudaException("nccl", call, result, $"ncclResult {result.ToString(CultureInfo.InvariantCulture)}", detail);
        }
    }
}
