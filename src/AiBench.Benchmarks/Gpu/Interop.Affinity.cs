using System.Runtime.InteropServices;

namespace AiBench.Benchmarks.Gpu;

internal static partial class Interop
{
    /// <summary>glibc's affinity calls; pid 0 is the calling thread.</summary>
    internal static partial class Affinity
    {
        [LibraryImport("libc.so.6", EntryPoint = "sched_getaffinity", SetLastError = true)]
        internal static partial int GetAffinity(int pid, nuint size, Span<byte> mask);

        [LibraryImport("libc.so.6", EntryPoint = "sched_setaffinity", SetLastError = true)]
        internal static partial int SetAffinity(int pid, nuint size, ReadOnlySpan<byte> mask);
    }
}
