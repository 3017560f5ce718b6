using System.Runtime.InteropServices;
using AiBench.Cuda.Loading;
using AiBench.Cuda.Nccl;
using AiBench.Cuda.SafeHandles;

namespace AiBench.Cuda;

internal static partial class Interop
{
    /// <summary>NCCL (nccl.h, API 2.x). A communicator (<c>ncclComm_t</c>) is an opaque pointer, destroyed by its owner.</summary>
    internal static unsafe partial class Nccl
    {
        static Nccl() => CudaLibraryLoader.EnsureResolverRegistered();

        [LibraryImport(Libraries.Nccl)]
        internal static partial int ncclGetVersion(out int version);

        [LibraryImport(Libraries.Nccl)]
        internal static partial nint ncclGetErrorString(int result);

        [LibraryImport(Libraries.Nccl)]
        internal static partial int ncclGetUniqueId(NcclUniqueId* uniqueId);

        /// <summary>The 128-byte id is passed by value, as nccl.h declares it.</summary>
        [LibraryImport(Libraries.Nccl)]
        internal static partial int ncclCommInitRank(out nint comm, int ranks, NcclUniqueId uniqueId, int rank);

        [LibraryImport(Libraries.Nccl)]
        internal static partial int ncclCommDestroy(nint comm);

        [LibraryImport(Libraries.Nccl)]
        internal static partial int ncclAllReduce(ulong send, ulong receive, nuint count, int dataType, int op, nint comm, SafeCudaStreamHandle stream);

        [LibraryImport(Libraries.Nccl)]
        internal static partial int ncclAllGather(ulong send, ulong receive, nuint sendCount, int dataType, nint comm, SafeCudaStreamHandle stream);

        [LibraryImport(Libraries.Nccl)]
        internal static partial int ncclReduceScatter(
            ulong send, ulong receive, nuint receiveCount, int dataType, int op, nint comm, SafeCudaStreamHandle stream);

        [LibraryImport(Libraries.Nccl)]
        internal static partial int ncclBroadcast(ulong send, ulong receive, nuint count, int dataType, int root, nint comm, SafeCudaStreamHandle stream);

        [LibraryImport(Libraries.Nccl)]
        internal static partial int ncclSend(ulong send, nuint count, int dataType, int peer, nint comm, SafeCudaStreamHandle stream);

        [LibraryImport(Libraries.Nccl)]
        internal static partial int ncclRecv(ulong receive, nuint count, int dataType, int peer, nint comm, SafeCudaStreamHandle stream);

        [LibraryImport(Libraries.Nccl)]
        internal static partial int ncclGroupStart();

        [LibraryImport(Libraries.Nccl)]
        internal static partial int ncclGroupEnd();
    }
}
