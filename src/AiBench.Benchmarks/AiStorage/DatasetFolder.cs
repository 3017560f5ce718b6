using System.Globalization;
using System.Runtime.ExceptionServices;
using AiBench.Core.Errors;
using AiBench.Core.Files;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// A dataset on disk: <c>aibench-dataset-FILESxBYTES</c> in the folder asked for, written once (files by every reader
/// thread, each fsync'ed, the marker last, in a folder of the run's own moved into place) and reused while its marker
/// and files match; a folder of that name that is not a complete AiBench dataset is refused, never written into.
/// </summary>
internal sealed class DatasetFolder
{
    private DatasetFolder(string path, int seed, bool reused)
    {
        Path = path;
        Seed = seed;
        Reused = reused;
    }

    public string Path { get; }

    public int Seed { get; }

    /// <summary>Whether the dataset was already there (not written by this run).</summary>
    public bool Reused { get; }

    public string File(int index) => System.IO.Path.Combine(Path, DatasetWriter.Name(index));

    /// <summary>The dataset's files as a store: read through the page cache or with O_DIRECT as <paramref name="cache"/> says.</summary>
    public FileShardStore Store(CacheMode cache) => new(Path, cache, new Collectives.SingleRankGroup(), new DriveInfo(Path).DriveFormat);

    /// <summary>
    /// The dataset in <paramref name="parent"/>: reused when there, else written into a folder of this run's own and
    /// moved into place whole, so runs that start together (one per node on a shared file system) never write into one
    /// folder: the first to finish is kept, the others remove their own copy and read it.
    /// </summary>
    public static DatasetFolder OpenOrCreate(string parent, DatasetSettings settings, Action<string> report, CancellationToken cancel)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetFullPath(parent), settings.StoredName);
        if (Directory.Exists(path))
        {
            return Reuse(path, settings);
        }

        WorkFolder.CheckSpace(parent, settings.TotalBytes, "the dataset", "set --set files=FEWER or a smaller file-size");
        string own = string.Create(CultureInfo.InvariantCulture, $"{path}.writing-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(own);
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            throw new BadInputException($"cannot create '{own}': {e.Message}", e);
        }

        var written = new DatasetFolder(own, Environment.TickCount, reused: false);
        written.Write(settings, report, cancel);
        try
        {
            Directory.Move(own, path);
            return new DatasetFolder(path, written.Seed, reused: false);
        }
        catch (IOException) when (Directory.Exists(path))
        {
            // Another run put its dataset there first: this run's copy goes, and the one in place is read.
            written.Remove(settings.Files);
            report($"another run wrote {path} first: reusing it");
            return Reuse(path, settings);
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            written.Remove(settings.Files);
            throw new CouldNotRunException($"cannot move the dataset written in '{own}' to '{path}': {e.Message}; it was removed", e);
        }
    }

    private static DatasetFolder Reuse(string path, DatasetSettings settings)
    {
        DatasetMarker? marker = DatasetMarker.TryRead(path);
        if (marker is null || !marker.Describes(settings))
        {
            throw new CouldNotRunException(
                $"'{path}' exists but is not a complete AiBench dataset of {settings.Files} × {settings.FileBytes} B (no {DatasetMarker.FileName} that says so); nothing in it is changed: remove it or choose another folder");
        }

        var dataset = new DatasetFolder(path, marker.Seed, reused: true);
        for (int i = 0; i < settings.Files; i++)
        {
            var file = new FileInfo(dataset.File(i));
            if (!file.Exists || file.Length != settings.FileBytes)
            {
                throw new CouldNotRunException($"the dataset in '{path}' lacks {file.Name} or it has the wrong size: remove the folder to have it written again");
            }
        }

        return dataset;
    }

    private void Write(DatasetSettings settings, Action<string> report, CancellationToken cancel)
    {
        using FileShardStore store = Store(CacheMode.Fadvise);
        if (DatasetWriter.Write(store, settings, Seed, report, cancel) is { } failure)
        {
            // The folder is this run's own (made for it): what was written of it goes, so no half dataset is left.
            Remove(settings.Files);
            if (failure is OperationCanceledException || !StorageFault.Is(failure))
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            throw new CouldNotRunException($"writing the dataset in '{Path}' failed: {failure.Message}; the partial dataset was removed", failure);
        }

        new DatasetMarker(DatasetMarker.CurrentFormat, settings.Files, settings.FileBytes, Seed).Write(Path);
    }

    /// <summary>Removes what this run wrote (a dataset in the scratch folder): the files by name, the marker, the folder.</summary>
    public void Remove(int files)
    {
        for (int i = 0; i < files; i++)
        {
            WorkFolder.TryDelete(File(i));
        }

        WorkFolder.TryDelete(System.IO.Path.Combine(Path, DatasetMarker.FileName));
        WorkFolder.RemoveIfEmpty(Path);
    }
}
