using System.Runtime.ExceptionServices;
using AiBench.Benchmarks.Collectives;
using AiBench.Benchmarks.ObjectStorage;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// A model checkpoint written and restored by MLPerf Storage's method: the checkpoint of a named model (or a size) in one
/// shard per writer thread — and per rank under mpirun or srun — each fsync'ed; the shards dropped from the page cache
/// (checked with mincore); read back and verified; deleted. Throughput is the job's bytes over the wall time from the
/// first open to the last close (the slowest rank's), never a mean of per-writer rates; the slowest writer is named.
/// </summary>
public sealed class CheckpointBenchmark : IBenchmark
{
    public string Id => "storage.checkpoint";

    public string Title => "Checkpoint write and restore (MLPerf Storage method)";

    public ParameterSchema Parameters { get; } = new(
    [
        new ParameterDefinition("model", ParameterKind.Choice, "llama3-8b", "model whose checkpoint is written (MLPerf Storage Table 2 sizes)")
        {
            AllowedValues = CheckpointModel.Names,
        },
        new ParameterDefinition("gpus", ParameterKind.Integer, "auto",
            "GPUs of the model whose shares this job writes; auto = 8 per rank, at most the model's (MLPerf's subset mode on one 8-GPU node)")
        {
            Words = ["auto"],
            Minimum = 1,
            Maximum = 1 << 20,
        },
        new ParameterDefinition("size", ParameterKind.Size, "auto", "the job's checkpoint over every rank; auto = the model's share for gpus")
        {
            Unit = "B",
            Words = ["auto"],
            Minimum = 4096,
        },
        new ParameterDefinition("writers", ParameterKind.Integer, "8", "writer (and reader) threads per rank, one shard file each")
        {
            Minimum = 1,
            Maximum = 1024,
        },
        new ParameterDefinition("request", ParameterKind.Size, "4MiB", "bytes per write and read call")
        {
            Unit = "B",
            Minimum = 4096,
            Maximum = 1 << 30,
        },
        new ParameterDefinition("verify", ParameterKind.Boolean, "true", "check every 4 KiB chunk read back (counted in the restore time)"),
        new ParameterDefinition("checkpoints", ParameterKind.Integer, "3", "checkpoints written and restored, one sample each")
        {
            Minimum = 1,
            Maximum = 1000,
        },
        .. ShardStoreOptions.Parameters("checkpoint", "under a fresh prefix"),
    ]);

    public Availability Probe(SystemInfo system) => OperatingSystem.IsLinux()
        ? Availability.Ready
        : Availability.Unavailable("storage.checkpoint uses Linux's fsync, posix_fadvise and mincore");

    public IAsyncEnumerable<Measurement> RunAsync(BenchmarkContext context, CancellationToken cancellationToken) =>
        BlockingMeasurement.RunAsync(() => Measure(context, cancellationToken));

    private (IReadOnlyList<Measurement> Figures, ExceptionDispatchInfo? Failure) Measure(BenchmarkContext context, CancellationToken cancel)
    {
        IRankGroup group = context.Launch.Size > 1 ? MpiSession.Get() : new SingleRankGroup();
        Directory.CreateDirectory(context.ScratchDirectory);
        CheckpointSettings settings = CheckpointSettings.From(context.Case, group.Size, context.ScratchDirectory);
        ShardStoreOptions.CheckCache(context.Case, settings.Cache);

        long shard = settings.ShardBytes(group.Size);
        (IShardStore store, Func<string?> cleanUp) = Open(context, settings, group, shard * settings.Writers, cancel);
        List<CheckpointOutcome> outcomes;
        ExceptionDispatchInfo? failure;
        string? cleanup;
        try
        {
            int seed = Environment.TickCount;
            (outcomes, failure) = BlockingMeasurement.Steps(settings.Checkpoints, round =>
            {
                context.Report($"checkpoint {round + 1}/{settings.Checkpoints}: {ByteSize.FormatBinary(shard * settings.Writers * group.Size)}");
                return new CheckpointRound(settings, group, store, round, seed).Run(cancel);
            });
        }
        finally
        {
            group.Barrier();
            cleanup = cleanUp();
            store.Dispose();
        }

        return (CheckpointFigures.Build(Id, context.Case, settings, group, store, outcomes, stopped: failure is not null, cleanup), failure);
    }

    /// <summary>The store the case writes to, and what removes what it wrote (returning what it could not remove).</summary>
    private static (IShardStore Store, Func<string?> CleanUp) Open(
        BenchmarkContext context, CheckpointSettings settings, IRankGroup group, long bytesOfThisRank, CancellationToken cancel)
    {
        if (ShardStoreOptions.IsS3(context.Case))
        {
            S3ShardStore s3 = ShardStoreOptions.OpenS3(context.Case, S3Connection.Resolve(context.Case), settings.Writers, cancel);
            return (s3, s3.CleanUp);
        }

        string folder = WorkFolder.Create(settings.Folder, bytesOfThisRank, group, "checkpoint");
        var files = new FileShardStore(folder, settings.Cache, group, new DriveInfo(folder).DriveFormat);
        return (files, () =>
        {
            WorkFolder.RemoveIfEmpty(folder);
            return null;
        });
    }
}
