using System.Security.Cryptography;
using System.Text;
using AiBench.Core.Files;

namespace AiBench.Core.Results;

/// <summary>
/// Writes a file so readers see either nothing or the whole file: write a sibling temp file, flush, rename. On any
/// failure (a full disk, a folder turned read-only or removed) the temp file is deleted and the error is thrown.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string contents) =>
        WriteAllBytes(path, Encoding.UTF8.GetBytes(contents));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> contents)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        // A random part, not only the PID: a killed run's leftover must never block a later one with the same PID.
        string temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(contents);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            // A read-only folder lets no temp file be created in the first place; nothing else can be done here.
        }
    }
}
