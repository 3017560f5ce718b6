using System.Runtime.ExceptionServices;
using AiBench.Benchmarks.Collectives;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// A training data loader's reads by MLPerf Storage's method: a dataset of files (a named shape or files × file-size)
/// written once and reused, then read whole in a fresh random order each epoch by reader threads; per epoch, bytes and
/// samples per second over the epoch's wall time, read-call latency percentiles, and for a named shape the emulated H100s
/// the rate keeps at MLPerf's minimum accelerator utilisation. The cache is emptied before every epoch and checked; a
/// figure the page cache could have served is marked invalid, so it can never pass an acceptance rule.
/// </summary>
public sealed class DatasetBenchmark : IBenchmark
{
    public string Id => "storage.dataset";

    public string Title => "Training dataset reads (MLPerf Storage method)";

    public ParameterSchema Parameters { get; } = new(
    [
        new ParameterDefinition("shape", ParameterKind.Choice, "unet3d", "dataset shape from MLPerf Storage (file size, files, readers), or custom")
        {
            AllowedValues = DatasetShape.Names,
        },
        new ParameterDefinition("files", ParameterKind.Integer, "auto", "files in the dataset; auto = the shape's")
        {
            Words = ["auto"],
            Minimum = 1,
            Maximum = 100_000_000,
        },
        new ParameterDefinition("file-size", ParameterKind.Size, "auto", "bytes per file (down to whole 4 KiB); auto = the shape's")
        {
            Unit = "B",
            Words = ["auto"],
            Minimum = 4096,
        },
        new ParameterDefinition("samples-per-file", ParameterKind.Integer, "auto", "training samples in one file; auto = the shape's (1 for custom)")
        {
            Words = ["auto"],
            Minimum = 1,
            Maximum = 1_000_000,
        },
        new ParameterDefinition("readers", ParameterKind.Integer, "auto", "reader threads (a loader's workers); auto = the shape's (4 for custom)")
        {
            Words = ["auto"],
            Minimum = 1,
            Maximum = 1024,
        },
        new ParameterDefinition("request", ParameterKind.Size, "1MiB", "bytes per read call")
        {
            Unit = "B",
            Minimum = 4096,
            Maximum = 1 << 30,
        },
        new ParameterDefinition("epochs", ParameterKind.Integer, "3", "passes over the dataset, one sample each")
        {
            Minimum = 1,
            Maximum = 1000,
        },
        new ParameterDefinition("verify", ParameterKind.Boolean, "true", "check every 4 KiB chunk read (counted in the epoch's time)"),
        .. ShardStoreOptions.Parameters("dataset", "kept under aibench-dataset-FILESxBYTES/ in a named bucket and reused; under a fresh prefix in a fresh bucket with bucket=auto"),
    ]);

    public Availability Probe(SystemInfo system) => OperatingSystem.IsLinux()
        ? Availability.Ready
        : Availability.Unavailable("storage.dataset uses Linux's posix_fadvise and mincore");

    public IAsyncEnumerable<Measurement> RunAsync(BenchmarkContext context, CancellationToken cancellationToken) =>
        BlockingMeasurement.RunAsync(() => Measure(context, cancellationToken));

    private (IReadOnlyList<Measurement> Figures, ExceptionDispatchInfo? Failure) Measure(BenchmarkContext context, CancellationToken cancel)
    {
        DatasetSettings settings = DatasetSettings.From(context.Case);
        ShardStoreOptions.CheckCache(context.Case, settings.Cache);

        string[] names = Enumerable.Range(0, settings.Files).Select(DatasetWriter.Name).ToArray();
        (IShardStore store, int seed, bool reused, string? keptAt, Func<string?> cleanUp) = Open(context, settings, cancel);
        List<(EpochOutcome Outcome, double Cached)> epochs;
        ExceptionDispatchInfo? failure;
        string? cleanup;
        try
        {
            (epochs, failure) = BlockingMeasurement.Steps(settings.Epochs, epoch =>
            {
                long cached = store.EmptyCache(names);
                context.Report($"epoch {epoch + 1}/{settings.Epochs}");
                return (DatasetEpoch.Run(store, seed, settings, epoch, cancel), (double)cached / settings.TotalBytes);
            });
        }
        finally
        {
            cleanup = cleanUp();
            store.Dispose();
        }

        var written = new DatasetStoreInfo(store, reused, keptAt, cleanup);
        return (DatasetFigures.Build(Id, context.Case, context.System, settings, written, epochs, stopped: failure is not null), failure);
    }

    /// <summary>
    /// The dataset's store, written first where needed, its content seed, whether an earlier run wrote it, where it stays
    /// after the run (null: removed), and what removes what this run wrote (returning what it could not remove).
    /// </summary>
    private static (IShardStore Store, int Seed, bool Reused, string? KeptAt, Func<string?> CleanUp) Open(BenchmarkContext context, DatasetSettings settings, CancellationToken cancel)
    {
        if (ShardStoreOptions.IsS3(context.Case))
        {
            return S3Dataset.Open(context.Case, settings, context.Report, cancel);
        }

        string parent = settings.Folder ?? Directory.CreateDirectory(context.ScratchDirectory).FullName;
        DatasetFolder dataset = DatasetFolder.OpenOrCreate(parent, settings, context.Report, cancel);
        return (dataset.Store(settings.Cache), dataset.Seed, dataset.Reused, settings.Folder is null ? null : dataset.Path, () =>
        {
            if (settings.Folder is null)
            {
                dataset.Remove(settings.Files);
            }

            return null;
        });
    }
}
