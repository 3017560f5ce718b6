using System.Runtime.InteropServices;

namespace AiBench.Core.Hosts;

/// <summary>
/// What kind of file a path names, asked before opening it: .NET only tells files from directories, and opening a
/// FIFO blocks while a device may never end. On Linux statx(2) gives the type; elsewhere only directories are told.
/// </summary>
public static partial class FileTypes
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // stx_mode in struct statx, the same on every Linux architecture
    private const int StatxSize = 256;

    /// <summary>Null for a regular file (or one that does not exist, left to the open to report); else what it is.</summary>
    public static string? Describe(string path)
    {
        if (Directory.Exists(path))
        {
            return "a directory";
        }

        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        byte[] buffer = new byte[StatxSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null; // a C library without statx: the size bound on reading still holds
        }

        int type = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
        return type switch
        {
            0x8000 => null,
            0x4000 => "a directory",
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a plain file",
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
