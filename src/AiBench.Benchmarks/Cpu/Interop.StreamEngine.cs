using System.Runtime.InteropServices;
using AiBench.Benchmarks.Native;

namespace AiBench.Benchmarks;

internal static partial class Interop
{
    /// <summary>The STREAM engine of libaibench_native (native/include/aibench_native.h).</summary>
    internal static unsafe partial class StreamEngine
    {
        /// <summary>The C API version this code was written against (<c>aib_version</c>).</summary>
        public const int ApiVersion = 1;

        public const int Ok = 0;

        static StreamEngine() => NativeLibraryResolver.EnsureRegistered();

        [LibraryImport(NativeLibraryNames.AiBenchNative, EntryPoint = "aib_version")]
        public static partial int Version();

        [LibraryImport(NativeLibraryNames.AiBenchNative, EntryPoint = "aib_max_threads")]
        public static partial int MaxThreads();

        [LibraryImport(NativeLibraryNames.AiBenchNative, EntryPoint = "aib_alloc")]
        public static partial void* Allocate(nuint bytes);

        [LibraryImport(NativeLibraryNames.AiBenchNative, EntryPoint = "aib_free")]
        public static partial void Free(void* memory);

        [LibraryImport(NativeLibraryNames.AiBenchNative, EntryPoint = "aib_stream_init")]
        public static partial int Initialize(double* a, double* b, double* c, nuint n, int threads);

        [LibraryImport(NativeLibraryNames.AiBenchNative, EntryPoint = "aib_stream_run")]
        public static partial int Run(
            int kernel, double* a, double* b, double* c, nuint n, double scalar, int repetitions, int threads, out double seconds);

        [LibraryImport(NativeLibraryNames.AiBenchNative, EntryPoint = "aib_stream_validate")]
        public static partial int Validate(
            int kernel, double* a, double* b, double* c, nuint n, double scalar, int threads, out long checkedCount, out long wrongCount);

        /// <summary>Turns a status code into an exception at one point (dotnet/runtime's ThrowIfFailed).</summary>
        public static void ThrowIfFailed(int status, string operation)
        {
            if (status != Ok)
            {
                string why = status switch
                {
                    -1 => "invalid argument",
                    -2 => "the monotonic clock failed",
                    _ => $"status {status}",
                };
                throw new InvalidOperationException($"libaibench_native {operation} failed: {why}");
            }
        }
    }
}
