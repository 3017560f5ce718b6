using System.Runtime.ExceptionServices;
using AiBench.Benchmarks.ObjectStorage;
using AiBench.Core.Errors;
using AiBench.Core.Parameters;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// A dataset as objects. In a named bucket it is kept under <c>aibench-dataset-FILESxBYTES/</c>, written once (the
/// marker object last) and reused while its marker and objects match; a prefix of that name holding anything else is
/// refused, never written into. With bucket=auto it goes under a fresh prefix in a fresh bucket, removed at the end.
/// </summary>
internal static class S3Dataset
{
    /// <summary>
    /// The content seed of every kept dataset: two runs that find the prefix empty at once write the same bytes and the
    /// same marker (a PUT replaces an object whole, so neither can leave a mix the other's marker would not describe).
    /// </summary>
    private const int KeptSeed = 0x41694265;

    /// <summary>As DatasetBenchmark opens a folder's: the store, the seed, reused, where it stays, the clean-up.</summary>
    public static (IShardStore Store, int Seed, bool Reused, string? KeptAt, Func<string?> CleanUp) Open(
        BenchmarkCase c, DatasetSettings settings, Action<string> report, CancellationToken cancel)
    {
        S3Connection connection = S3Connection.Resolve(c);
        if (connection.Bucket is not { } bucket)
        {
            S3ShardStore fresh = ShardStoreOptions.OpenS3(c, connection, settings.Readers, cancel);
            int seed = Environment.TickCount;
            Write(fresh, settings, seed, marker: false, report, cancel);
            return (fresh, seed, false, null, fresh.CleanUp);
        }

        S3ShardStore store = ShardStoreOptions.OpenKeptS3(c, connection, bucket, settings.StoredName + "/", settings.Readers, cancel);
        try
        {
            IReadOnlyDictionary<string, long> objects = store.List(cancel);
            if (objects.Count > 0)
            {
                int kept = Reuse(store, objects, settings, cancel);
                report($"reusing the dataset at {store.Location}");
                return (store, kept, true, store.Location, () => null);
            }

            Write(store, settings, KeptSeed, marker: true, report, cancel);
            report($"the dataset stays at {store.Location} for later runs");
            return (store, KeptSeed, false, store.Location, () => null);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The kept dataset's seed, after checking that its marker describes it and every object is listed at its size.</summary>
    private static int Reuse(S3ShardStore store, IReadOnlyDictionary<string, long> objects, DatasetSettings settings, CancellationToken cancel)
    {
        DatasetMarker? marker = objects.ContainsKey(DatasetMarker.FileName) && store.ReadText(DatasetMarker.FileName, DatasetMarker.MaxBytes, cancel) is { } text
            ? DatasetMarker.TryParse(text)
            : null;
        if (marker is null || !marker.Describes(settings))
        {
            throw new CouldNotRunException(
                $"'{store.Location}' holds objects but is not a complete AiBench dataset of {settings.Files} × {settings.FileBytes} B (no {DatasetMarker.FileName} that says so); nothing in it is changed: delete that prefix or name another bucket");
        }

        for (int i = 0; i < settings.Files; i++)
        {
            string name = DatasetWriter.Name(i);
            if (!objects.TryGetValue(name, out long bytes) || bytes != settings.FileBytes)
            {
                throw new CouldNotRunException($"the dataset at '{store.Location}' lacks {name} or it has the wrong size: delete that prefix to have it written again");
            }
        }

        return marker.Seed;
    }

    /// <summary>
    /// Writes every object, then the marker when the dataset is kept; on a failure what was written goes (the prefix was
    /// this run's: fresh, or empty when the run began), so no dataset is left without its marker.
    /// </summary>
    private static void Write(S3ShardStore store, DatasetSettings settings, int seed, bool marker, Action<string> report, CancellationToken cancel)
    {
        Exception? failure = DatasetWriter.Write(store, settings, seed, report, cancel);
        if (failure is null && marker)
        {
            try
            {
                store.WriteText(DatasetMarker.FileName, new DatasetMarker(DatasetMarker.CurrentFormat, settings.Files, settings.FileBytes, seed).ToJson(), cancel);
            }
            catch (Exception e)
            {
                failure = e; // whatever it was, objects without their marker would only be refused by every later run
            }
        }

        if (failure is null)
        {
            return;
        }

        string? left = store.CleanUp();
        ExceptionDispatchInfo.Throw(failure is CouldNotRunException or OperationCanceledException || left is null
            ? failure
            : new CouldNotRunException($"{failure.Message}; {left}", failure));
    }
}
