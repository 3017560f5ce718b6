using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// What the page cache holds of a file, and how to empty it: a read-back that the cache answers measures memory, the
/// complaint MLPerf Storage's users have about inflated results. Every drop is checked with mincore(2) afterwards.
/// </summary>
internal static class PageCache
{
    private const string DropCachesPath = "/proc/sys/vm/drop_caches";

    /// <summary>Writes a file's dirty pages to the device (fsync): a checkpoint is only written once it is durable.</summary>
    public static void Flush(SafeFileHandle handle, string path)
    {
        if (Interop.Posix.Fsync((int)handle.DangerousGetHandle()) != 0)
        {
            throw new IOException($"fsync of '{path}' failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}",
                Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>Asks the kernel to drop a file's clean cached pages (posix_fadvise DONTNEED); dirty pages stay.</summary>
    public static void Drop(string path)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        int error = Interop.Posix.Fadvise((int)handle.DangerousGetHandle(), 0, 0, Interop.Posix.FadviseDontNeed);
        if (error != 0)
        {
            throw new IOException($"posix_fadvise(DONTNEED) of '{path}' failed: {Marshal.GetPInvokeErrorMessage(error)}", error);
        }
    }

    /// <summary>
    /// Drops the whole machine's clean page cache (sync, then 1 into /proc/sys/vm/drop_caches): what MLPerf Storage asks
    /// for between writing and reading a checkpoint. Needs root; nothing is lost, other programs only read from disk again.
    /// </summary>
    public static void DropAll()
    {
        Interop.Posix.Sync();
        File.WriteAllText(DropCachesPath, "1");
    }

    /// <summary>Whether this process may drop the whole cache (root, and a writable /proc/sys).</summary>
    public static string? CannotDropAll()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "only Linux has /proc/sys/vm/drop_caches";
        }

        if (Interop.Posix.Geteuid() != 0)
        {
            return "writing /proc/sys/vm/drop_caches needs root";
        }

        try
        {
            using var stream = new FileStream(DropCachesPath, FileMode.Open, FileAccess.Write);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{DropCachesPath} is not writable here ({e.Message})";
        }
    }

    /// <summary>The bytes of a file the page cache holds now (mincore over a read-only mapping; maps nothing in).</summary>
    public static unsafe long ResidentBytes(string path)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        long length = RandomAccess.GetLength(handle);
        if (length == 0)
        {
            return 0;
        }

        nint map = Interop.Posix.Mmap(0, (nuint)length, Interop.Posix.ProtRead, Interop.Posix.MapShared, (int)handle.DangerousGetHandle(), 0);
        if (map == -1)
        {
            throw new IOException($"mmap of '{path}' failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        try
        {
            long pageSize = Environment.SystemPageSize;
            long pages = (length + pageSize - 1) / pageSize;
            byte[] vector = new byte[pages];
            fixed (byte* v = vector)
            {
                if (Interop.Posix.Mincore(map, (nuint)length, v) != 0)
                {
                    throw new IOException($"mincore of '{path}' failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
                }
            }

            long resident = 0;
            foreach (byte page in vector)
            {
                resident += page & 1;
            }

            return Math.Min(length, resident * pageSize);
        }
        finally
        {
            _ = Interop.Posix.Munmap(map, (nuint)length);
        }
    }

    /// <summary>Switches an open file to O_DIRECT (fcntl F_SETFL): reads and writes bypass the page cache.</summary>
    public static void UseDirectIo(SafeFileHandle handle, string path)
    {
        int fd = (int)handle.DangerousGetHandle();
        int flags = Interop.Posix.Fcntl(fd, Interop.Posix.FcntlGetFlags, 0);
        if (flags < 0 || Interop.Posix.Fcntl(fd, Interop.Posix.FcntlSetFlags, flags | Interop.Posix.OpenDirect) != 0)
        {
            throw new IOException($"the file system of '{path}' refused O_DIRECT: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
    }
}
