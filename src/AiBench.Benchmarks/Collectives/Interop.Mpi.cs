using System.Runtime.InteropServices;
using AiBench.Benchmarks.Native;

namespace AiBench.Benchmarks;

internal static partial class Interop
{
    /// <summary>The MPI shim libaibench_mpi (native/mpi/aibench_mpi.h): plain ints and pointers, no MPI ABI.</summary>
    internal static unsafe partial class Mpi
    {
        /// <summary>The C API version this code was written against (<c>aibm_version</c>).</summary>
        public const int ApiVersion = 2;

        public const int Ok = 0;

        static Mpi() => NativeLibraryResolver.EnsureRegistered();

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_version")]
        public static partial int Version();

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_init")]
        public static partial int Init(out int rank, out int size, out int localRank, out int threadLevel);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_finalize")]
        public static partial int Finalize();

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_abort")]
        public static partial void Abort(int code);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_processor_name")]
        public static partial int ProcessorName(byte* buffer, int length);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_barrier")]
        public static partial int Barrier();

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_bcast_bytes")]
        public static partial int BroadcastBytes(void* buffer, long bytes, int root);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_allgather_bytes")]
        public static partial int AllGatherBytes(void* send, void* receive, int bytesPerRank);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_sum_f64")]
        public static partial int SumDoubles(double* values, int count);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_sum_i64")]
        public static partial int SumInt64(long* values, int count);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_announce")]
        public static partial int Announce(int step);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_reached")]
        public static partial int Reached(int step, int* flags, int count);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_heartbeat")]
        public static partial int Heartbeat();

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_silence")]
        public static partial int Silence(double* seconds, int count);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_send_to_root")]
        public static partial int SendToRoot(void* buffer, long bytes, int tag);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_receive_any")]
        public static partial int ReceiveAny(int tag, out void* buffer, out long bytes, out int source);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_free")]
        public static partial void Free(void* buffer);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_pair_exchange_int")]
        public static partial int PairExchangeInt(int peer, int mine, out int theirs);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_pair_stream")]
        public static partial int PairStream(int peer, int sender, void* buffer, long bytes, int window, int rounds, out double seconds);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_pair_bidirectional")]
        public static partial int PairBidirectional(int peer, void* buffer, long bytes, int window, int rounds, out double seconds);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_pair_pingpong")]
        public static partial int PairPingPong(int peer, void* buffer, long bytes, int iterations, out double seconds);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_collective")]
        public static partial int Collective(int collective, int dtype, int op, void* send, void* receive, long count, int root, int inplace);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_time")]
        public static partial int Time(
            int collective, int dtype, int op, void* send, void* receive, long count, int root, int inplace, int warmup, int iterations,
            out double seconds);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_fill")]
        public static partial int Fill(int dtype, int op, void* buffer, long n, int rank, long firstIndex, int corrupt);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_check")]
        public static partial int Check(
            int collective, int dtype, int op, void* output, long count, int rank, int size, int root, out long checkedCount, out long wrong);

        [LibraryImport(NativeLibraryNames.AiBenchMpi, EntryPoint = "aibm_input_value")]
        public static partial double InputValue(int op, int rank, long index);

        /// <summary>Turns a status code into an exception at one point (dotnet/runtime's ThrowIfFailed).</summary>
        public static void ThrowIfFailed(int status, string operation)
        {
            if (status != Ok)
            {
                string why = status switch
                {
                    -1 => "invalid argument",
                    -2 => "MPI is not initialised",
                    -3 => "a count does not fit MPI's int (use a smaller size)",
                    <= -100 => $"MPI error class {-100 - status}",
                    _ => $"status {status}",
                };
                throw new InvalidOperationException($"libaibench_mpi {operation} failed: {why}");
            }
        }
    }
}
