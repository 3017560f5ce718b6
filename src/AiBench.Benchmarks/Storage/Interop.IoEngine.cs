using System.Runtime.InteropServices;
using AiBench.Benchmarks.Native;

namespace AiBench.Benchmarks;

internal static partial class Interop
{
    /// <summary>The storage I/O engine of libaibench_native (native/include/aibench_io.h).</summary>
    internal static unsafe partial class IoEngine
    {
        /// <summary>The I/O API version this code was written against (<c>AIB_IO_API_VERSION</c>).</summary>
        public const int ApiVersion = 4;

        public const int HistogramBuckets = 43 * 128;

        public const int HistogramSubBits = 7;

        public const int MaxSlices = 64;

        /// <summary>Per-direction arrays hold reads at index 0 and writes at 1 (<c>enum aib_io_direction</c>).</summary>
        public const int Directions = 2;

        public const int Ok = 0;
        public const int ErrorInvalid = -10;
        public const int ErrorOpen = -11;
        public const int ErrorDirect = -12;
        public const int ErrorSetup = -13;
        public const int ErrorNoMemory = -14;
        public const int ErrorIoFailed = -15;
        public const int ErrorThread = -16;

        public const int EngineAuto = 0;
        public const int EngineUring = 1;
        public const int EngineLibaio = 2;

        public const int TargetMissing = 0;
        public const int TargetFile = 1;
        public const int TargetDirectory = 2;
        public const int TargetBlock = 3;

        static IoEngine() => NativeLibraryResolver.EnsureRegistered();

        [StructLayout(LayoutKind.Sequential)]
        public struct Config
        {
            public byte* Path;
            public ulong Offset;
            public ulong Size;
            public uint BlockSize;
            public uint QueueDepth;
            public uint Jobs;
            public int Random;
            public int ReadPercent;
            public int Engine;
            public int Verify;
            public uint Slices;
            public ulong Seed;
            public double RampSeconds;
            public double RunSeconds;
            public ulong IoLimit;
            public int* Cancel;
        }

        [StructLayout(LayoutKind.Sequential)]
        public struct Result
        {
            public int Engine;
            public int ErrorErrno;
            public ulong ErrorOffset;
            public int Cancelled;
            public int FixedBuffers;
            public ulong Reads;
            public ulong Writes;
            public ulong BytesRead;
            public ulong BytesWritten;
            public ulong Errors;
            public ulong VerifyChecked;
            public ulong VerifyFailed;
            public ulong FirstBadOffset;
            public fixed ulong LatencyMinNs[Directions];
            public fixed ulong LatencyMaxNs[Directions];
            public double Seconds;
            public uint Slices;
            public fixed ulong SliceIos[Directions * MaxSlices];
            public fixed ulong SliceBytes[Directions * MaxSlices];
            public fixed double SliceSeconds[MaxSlices];
            public fixed ulong LatencySumNs[Directions];
        }

        [StructLayout(LayoutKind.Sequential)]
        public struct Target
        {
            public int Kind;
            public int StatErrno;
            public int Writable;
            public int Readable;
            public ulong Size;
            public ulong FsType;
            public ulong FsFree;
            public uint DevMajor;
            public uint DevMinor;
            public ulong FirstHole;
        }

        [LibraryImport(NativeLibraryNames.AiBenchNative, EntryPoint = "aib_io_version")]
        public static partial int Version();

        [LibraryImport(NativeLibraryNames.AiBenchNative, EntryPoint = "aib_io_run")]
        public static partial int Run(Config* config, Result* result, ulong* histograms);

        [LibraryImport(NativeLibraryNames.AiBenchNative, EntryPoint = "aib_io_hist_index")]
        public static partial uint HistogramIndex(ulong valueNs);

        [LibraryImport(NativeLibraryNames.AiBenchNative, EntryPoint = "aib_io_hist_lower")]
        public static partial ulong HistogramLower(uint index);

        /// <summary>Turns a status code of a call that should not fail into an exception at one point.</summary>
        public static void ThrowIfFailed(int status, string operation)
        {
            if (status != Ok)
            {
                throw new InvalidOperationException($"libaibench_native aib_io_{operation} failed: status {status}");
            }
        }

        [LibraryImport(NativeLibraryNames.AiBenchNative, EntryPoint = "aib_io_target_info", StringMarshalling = StringMarshalling.Utf8)]
        public static partial int TargetInfo(string path, out Target target);
    }
}
