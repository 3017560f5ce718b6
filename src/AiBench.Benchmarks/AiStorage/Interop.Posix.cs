using System.Runtime.InteropServices;

namespace AiBench.Benchmarks.AiStorage;

internal static partial class Interop
{
    /// <summary>The few libc calls .NET's file API lacks: fsync on a handle, fadvise, O_DIRECT and page residency.</summary>
    internal static partial class Posix
    {
        public const int FadviseDontNeed = 4;
        public const int FcntlGetFlags = 3;
        public const int FcntlSetFlags = 4;
        public const int OpenDirect = 0x4000; // O_DIRECT on x86-64 and arm64 Linux
        public const int ProtRead = 1;
        public const int MapShared = 1;

        [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
        public static partial int Fsync(int fd);

        /// <summary>Returns the error number itself (not -1 and errno), as POSIX specifies.</summary>
        [LibraryImport("libc", EntryPoint = "posix_fadvise")]
        public static partial int Fadvise(int fd, long offset, long length, int advice);

        [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
        public static partial int Fcntl(int fd, int command, int argument);

        [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
        public static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

        [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
        public static partial int Munmap(nint address, nuint length);

        [LibraryImport("libc", EntryPoint = "mincore", SetLastError = true)]
        public static unsafe partial int Mincore(nint address, nuint length, byte* vector);

        [LibraryImport("libc", EntryPoint = "geteuid")]
        public static partial uint Geteuid();

        [LibraryImport("libc", EntryPoint = "sync")]
        public static partial void Sync();
    }
}
