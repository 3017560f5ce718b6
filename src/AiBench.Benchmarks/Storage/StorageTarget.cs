using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.Storage;

/// <summary>
/// Where storage.io does its I/O: a fresh file it creates in a folder (deleted on <see cref="Dispose"/> unless kept),
/// an existing file, or a block device. Every refusal happens here, before anything is created.
/// </summary>
internal sealed class StorageTarget : IDisposable
{
    /// <summary>Free space left beside the file (file system metadata, other writers).</summary>
    private const long SpaceMargin = 64L << 20;

    private StorageTarget(string path, long size, bool owned, bool isBlockDevice, string fileSystem, StorageDevice? device)
    {
        Path = path;
        Size = size;
        Owned = owned;
        IsBlockDevice = isBlockDevice;
        FileSystem = fileSystem;
        Device = device;
    }

    public string Path { get; }

    /// <summary>Bytes of the region the workload covers.</summary>
    public long Size { get; }

    /// <summary>True when storage.io created the file (it fills it, and deletes it unless kept).</summary>
    public bool Owned { get; }

    public bool IsBlockDevice { get; }

    public string FileSystem { get; }

    public StorageDevice? Device { get; }

    public bool Keep { get; init; }

    /// <summary>Checks the target and, for a folder, creates the fresh file (O_CREAT|O_EXCL, space allocated).</summary>
    public static StorageTarget Open(
        string target, long size, int blockSize, StorageWorkload workload, bool allowDestructive, bool verify, bool keep, SystemInfo system)
    {
        string full = System.IO.Path.GetFullPath(target);
        Interop.IoEngine.ThrowIfFailed(Interop.IoEngine.TargetInfo(full, out Interop.IoEngine.Target info), "target_info");
        switch (info.Kind)
        {
            case Interop.IoEngine.TargetMissing:
                throw new BadInputException($"target '{full}' does not exist (errno {info.StatErrno}); set --set target=FOLDER, FILE or DEVICE");
            case Interop.IoEngine.TargetBlock:
                return OpenDevice(full, info, size, blockSize, workload, allowDestructive, verify, system);
            case Interop.IoEngine.TargetFile:
                return OpenExistingFile(full, info, size, blockSize, workload, allowDestructive, verify, system);
            case Interop.IoEngine.TargetDirectory:
                break;
            default:
                throw new BadInputException($"target '{full}' is neither a folder, a regular file nor a block device");
        }

        string fs = FileSystemTypes.Name(info.FsType);
        if (FileSystemTypes.IsMemory(info.FsType))
        {
            throw new CouldNotRunException(
                $"target '{full}' is on {fs}, which keeps files in memory: O_DIRECT there measures RAM, not storage; set --set target=FOLDER on a disk");
        }

        if (info.Writable == 0)
        {
            throw new BadInputException($"target folder '{full}' is not writable");
        }

        long needed = size + SpaceMargin;
        if ((long)info.FsFree < needed)
        {
            throw new CouldNotRunException(
                $"not enough free space in '{full}' ({fs}): the test file needs {ByteSize.FormatBinary(size)} plus {ByteSize.FormatBinary(SpaceMargin)}, {ByteSize.FormatBinary((long)info.FsFree)} is free; set --set size=SMALLER");
        }

        string file = System.IO.Path.Combine(full, $"aibench-storage-io-{Guid.NewGuid():N}.dat");
        try
        {
            // CreateNew = O_CREAT|O_EXCL: never an existing file. The preallocation (posix_fallocate) claims the space now.
            using var handle = File.OpenHandle(file, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.None, size);
        }
        catch (UnauthorizedAccessException e)
        {
            TryDelete(file);
            throw new BadInputException($"target folder '{full}' is not writable: {e.Message}", e);
        }
        catch (IOException e) when (e.HResult == 28 || e.Message.Contains("space", StringComparison.OrdinalIgnoreCase))
        {
            TryDelete(file);
            throw new CouldNotRunException($"not enough free space in '{full}' for {ByteSize.FormatBinary(size)}: {e.Message}", e);
        }
        catch (IOException e)
        {
            TryDelete(file);
            throw new BadInputException($"cannot create a file in '{full}': {e.Message}", e);
        }

        return new StorageTarget(file, size, owned: true, isBlockDevice: false, fs, StorageDevice.Find(info.DevMajor, info.DevMinor, system))
        {
            Keep = keep,
        };
    }

    private static StorageTarget OpenDevice(string path, Interop.IoEngine.Target info, long size, int blockSize, StorageWorkload workload,
        bool allowDestructive, bool verify, SystemInfo system)
    {
        if (workload.Writes && !allowDestructive)
        {
            throw new BadInputException(
                $"workload {workload.Name} writes, and target '{path}' is a block device: its data would be destroyed; only read workloads run on a device unless --set allow-destructive=true");
        }

        if (verify && workload.Reads && !workload.Writes)
        {
            throw new BadInputException("verify=true needs blocks AiBench wrote: use a folder target, or a write or mixed workload");
        }

        if (info.Readable == 0 || (workload.Writes && info.Writable == 0) || info.Size == 0)
        {
            throw new CouldNotRunException($"no permission to use block device '{path}' (run as root or add the user to the 'disk' group)");
        }

        long region = RegionSize(Math.Min(size, (long)info.Size), blockSize, path);
        return new StorageTarget(path, region, owned: false, isBlockDevice: true, "none (block device)", StorageDevice.Find(info.DevMajor, info.DevMinor, system));
    }

    private static StorageTarget OpenExistingFile(string path, Interop.IoEngine.Target info, long size, int blockSize, StorageWorkload workload,
        bool allowDestructive, bool verify, SystemInfo system)
    {
        string fs = FileSystemTypes.Name(info.FsType);
        if (FileSystemTypes.IsMemory(info.FsType))
        {
            throw new CouldNotRunException($"target '{path}' is on {fs}, which keeps files in memory: O_DIRECT there measures RAM, not storage");
        }

        if (workload.Writes && !allowDestructive)
        {
            throw new BadInputException(
                $"target '{path}' is an existing file and workload {workload.Name} writes: storage.io never overwrites a file it did not create; name a folder, or --set allow-destructive=true");
        }

        if (verify && !workload.Writes)
        {
            throw new BadInputException("verify=true needs blocks AiBench wrote: use a folder target");
        }

        long region = RegionSize(Math.Min(size, (long)info.Size), blockSize, path);
        if (workload.Reads && (long)info.FirstHole < region)
        {
            // A hole is read as zeros by the file system without touching the device: such reads complete in
            // nanoseconds (a truncated 256 MiB file gave 3.1 M IOPS at a 60 ns median), a figure of nothing.
            throw new BadInputException(
                $"target '{path}' has a hole at byte {info.FirstHole} of the {region} B it would read (a sparse file): reads of a hole never reach the device; write the file's data first, or name a folder and storage.io lays out its own file");
        }

        return new StorageTarget(path, region, owned: false, isBlockDevice: false, fs, StorageDevice.Find(info.DevMajor, info.DevMinor, system));
    }

    private static long RegionSize(long bytes, int blockSize, string path)
    {
        long region = bytes / blockSize * blockSize;
        return region >= blockSize
            ? region
            : throw new BadInputException($"target '{path}' holds {bytes} B, less than one block of {blockSize} B");
    }

    public void Dispose()
    {
        if (Owned && !Keep)
        {
            TryDelete(Path);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
