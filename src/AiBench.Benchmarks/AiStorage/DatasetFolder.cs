using System.Runtime.ExceptionServices;
using AiBench.Core.Errors;
using AiBench.Core.Files;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// A dataset on disk: <c>aibench-dataset-FILESxBYTES</c> in the folder asked for, written once (files by every reader
/// thread, each fsync'ed, the marker last) and reused while its marker and files match; a folder of that name that is not
/// a complete AiBench dataset is refused, never written into.
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

    public static DatasetFolder OpenOrCreate(string parent, DatasetSettings settings, Action<string> report, CancellationToken cancel)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetFullPath(parent), settings.StoredName);
        if (Directory.Exists(path))
        {
            return Reuse(path, settings);
        }

        WorkFolder.CheckSpace(parent, settings.TotalBytes, "the dataset", "set --set files=FEWER or a smaller file-size");
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            throw new BadInputException($"cannot create '{path}': {e.Message}", e);
        }

        var dataset = new DatasetFolder(path, Environment.TickCount, reused: false);
        dataset.Write(settings, report, cancel);
        return dataset;
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
            // The folder is this run's own (it did not exist): what was written of it goes, so no half dataset is left.
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
