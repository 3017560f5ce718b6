using AiBench.Benchmarks.Collectives;
using AiBench.Core.Errors;
using AiBench.Core.Files;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// The folders storage.checkpoint and storage.dataset write into, checked for kind and space first. A checkpoint goes to a
/// fresh <c>aibench-checkpoint-ID</c> inside the folder asked for, one name for every rank (rank 0 draws it), removed at
/// the end only if empty, so nothing that is not AiBench's is ever deleted.
/// </summary>
internal static class WorkFolder
{
    /// <summary>Kept free beyond the data: metadata and journal (1 MiB and 1/16 of the data), at most 256 MiB.</summary>
    private static long SpaceMargin(long bytes) => Math.Min(256L << 20, (1L << 20) + bytes / 16);

    public static string Create(string parent, long bytesOfThisRank, IRankGroup group, string what)
    {
        string full = CheckSpace(parent, bytesOfThisRank, what, "set --set size=SMALLER or a smaller model");
        Span<byte> id = stackalloc byte[16];
        if (group.Rank == 0)
        {
            Guid.NewGuid().TryWriteBytes(id);
        }

        group.BroadcastFromRankZero(id);
        string folder = Path.Combine(full, $"aibench-{what}-{Convert.ToHexStringLower(id[..6])}");
        // Rank 0 creates it first (it must not exist: nothing of anyone else's is written into); then every rank, for
        // folders local to each node. Every rank learns whether rank 0 could.
        string? refused = group.Rank == 0 ? TryCreate(folder, mustBeNew: true) : null;
        if (group.Sum(refused is null ? 0 : 1, 0).First > 0)
        {
            throw new CouldNotRunException(refused ?? $"rank 0 could not create '{folder}'");
        }

        if (group.Rank != 0 && TryCreate(folder, mustBeNew: false) is { } error)
        {
            throw new CouldNotRunException(error);
        }

        return folder;
    }

    /// <summary>
    /// The full path of <paramref name="parent"/> once it is known to exist, to be on a disk (not tmpfs) and to have room
    /// for <paramref name="bytes"/> and a margin; otherwise bad input or could-not-run, naming the fix.
    /// </summary>
    public static string CheckSpace(string parent, long bytes, string what, string smaller)
    {
        string full = Path.GetFullPath(parent);
        if (!Directory.Exists(full))
        {
            throw new BadInputException($"folder '{full}' does not exist; set --set folder=FOLDER");
        }

        var drive = new DriveInfo(full);
        string fileSystem = drive.DriveFormat;
        if (fileSystem is "tmpfs" or "ramfs")
        {
            throw new CouldNotRunException($"folder '{full}' is on {fileSystem}, which keeps files in memory: {what} there measures RAM, not storage; set --set folder=FOLDER on a disk");
        }

        long margin = SpaceMargin(bytes);
        if (drive.AvailableFreeSpace < bytes + margin)
        {
            throw new CouldNotRunException(
                $"not enough free space in '{full}' ({fileSystem}): {what} needs {ByteSize.FormatBinary(bytes)} plus {ByteSize.FormatBinary(margin)}, {ByteSize.FormatBinary(drive.AvailableFreeSpace)} is free; {smaller}");
        }

        return full;
    }

    private static string? TryCreate(string folder, bool mustBeNew)
    {
        try
        {
            if (mustBeNew && Directory.Exists(folder))
            {
                return $"'{folder}' already exists; it is left as it is";
            }

            Directory.CreateDirectory(folder);
            return null;
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            return $"cannot create '{folder}': {e.Message}";
        }
    }

    /// <summary>Removes the folder if nothing is left in it (another rank on a shared file system may have removed it first).</summary>
    public static void RemoveIfEmpty(string folder)
    {
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            // Left for the person to remove; its name says it is AiBench's.
        }
    }

    public static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            // Left for the person to remove; the folder's name says it is AiBench's.
        }
    }
}
