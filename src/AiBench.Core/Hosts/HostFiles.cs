using System.Globalization;
using System.Security;

namespace AiBench.Core.Hosts;

/// <summary>
/// Tolerant reads of procfs and sysfs under a root directory ("/" on a real machine, a fake tree in tests).
/// A missing or unreadable file is null or empty, never an exception: a machine description must not fail
/// because one attribute is hidden by a container or a kernel version.
/// </summary>
internal sealed class HostFiles(string rootDirectory)
{
    public string RootDirectory { get; } = rootDirectory;

    /// <summary>The real path of an absolute host path (<c>/proc/cpuinfo</c>) under <see cref="RootDirectory"/>.</summary>
    public string PathOf(string hostPath) => Path.Combine(RootDirectory, hostPath.TrimStart('/'));

    public string? ReadText(string hostPath)
    {
        try
        {
            return File.ReadAllText(PathOf(hostPath));
        }
        catch (Exception e) when (IsAccessFailure(e))
        {
            return null;
        }
    }

    /// <summary>The file's first line, trimmed; null when missing, unreadable or empty.</summary>
    public string? ReadLine(string hostPath)
    {
        string? text = ReadText(hostPath);
        if (text is null)
        {
            return null;
        }

        int end = text.IndexOf('\n', StringComparison.Ordinal);
        string line = (end < 0 ? text : text[..end]).Trim();
        return line.Length == 0 ? null : line;
    }

    public long? ReadInt64(string hostPath) =>
        long.TryParse(ReadLine(hostPath), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : null;

    /// <summary>Names of the entries of a directory (files, folders and links), sorted ordinally; empty when unreadable.</summary>
    public IReadOnlyList<string> ListNames(string hostDirectory)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(PathOf(hostDirectory))
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (IsAccessFailure(e))
        {
            return [];
        }
    }

    /// <summary>Whether the path is a folder (or a link to one, as everything in <c>/sys/class</c> is).</summary>
    public bool IsDirectory(string hostPath) => Directory.Exists(PathOf(hostPath));

    public bool IsFile(string hostPath) => File.Exists(PathOf(hostPath));

    private static bool IsAccessFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or SecurityException or NotSupportedException or ArgumentException;
}
