using System.Globalization;
using AiBench.Benchmarks.Collectives;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// storage.checkpoint's figures, one sample per checkpoint: write and restore throughput (the job's bytes over the
/// slowest rank's first-open-to-last-close time) and time, and the slowest writer's and reader's own rate. A restore
/// is invalid when the page cache still held more than <see cref="CachedLimit"/> of the checkpoint as it began.
/// </summary>
internal static class CheckpointFigures
{
    /// <summary>5%: more than this in the cache and the restore's figure is partly a memory figure.</summary>
    public const double CachedLimit = 0.05;

    public static IReadOnlyList<Measurement> Build(
        string id, BenchmarkCase c, CheckpointSettings settings, IRankGroup group, IShardStore store, IReadOnlyList<CheckpointOutcome> outcomes,
        bool stopped, string? cleanup)
    {
        if (outcomes.Count == 0)
        {
            return [];
        }

        long bytes = outcomes[0].Write.Bytes;
        double cached = outcomes.Max(o => o.CachedFraction);
        string? invalid = store.ControlsCache && cached > CachedLimit
            ? $"{InvariantPercent(cached)} of the checkpoint was in the page cache when the restore began (cache={settings.Cache.Name()}): the restore read memory"
            : null;
        CheckpointOutcome slowWrite = outcomes.MinBy(o => o.Write.SlowestShardRate)!;
        CheckpointOutcome slowRestore = outcomes.MinBy(o => o.Restore.SlowestShardRate)!;
        var info = new Dictionary<string, string>
        {
            ["model"] = settings.Model.Name,
            ["parallelism"] = settings.Model.Parallelism,
            ["modelCheckpointBytes"] = Number(settings.Model.Bytes),
            ["gpus"] = Number(settings.Gpus),
            ["bytes"] = Number(bytes),
            [InfoKeys.Ranks] = Number(group.Size),
            ["writers"] = Number(settings.Writers),
            ["shards"] = Number(group.Size * settings.Writers),
            ["shardBytes"] = Number(settings.ShardBytes(group.Size)),
            ["requestBytes"] = Number(settings.RequestBytes),
            ["store"] = store.Description,
            ["cache"] = store.ControlsCache ? settings.Cache.Name() : "the server's (not the client's to empty)",
            ["cleanup"] = cleanup ?? "complete",
            ["checkpoints"] = Number(outcomes.Count),
            [InfoKeys.StopReason] = stopped ? "Fault" : "Checkpoints",
        };
        if (store.ControlsCache)
        {
            info["cachedBeforeRestore"] = Number(cached);
        }

        if (store is S3ShardStore s3)
        {
            info["payloadSigning"] = s3.PayloadSigning;
        }

        var parameters = c.Values;
        IReadOnlyDictionary<string, ParameterValue>? resolved = c.Resolve(("gpus", ParameterValue.Of(settings.Gpus)), ("size", ParameterValue.Of(bytes)));
        long checkedChunks = outcomes.Sum(o => o.CheckedChunks);
        long wrongChunks = outcomes.Sum(o => o.WrongChunks);
        Correctness? correct = settings.Verify ? new Correctness(checkedChunks, wrongChunks) : null;

        return
        [
            Make("write_bandwidth", Unit.BytesPerSecond, Direction.Higher, outcomes.Select(o => o.Write.BytesPerSecond),
                "bytes of every shard over the slowest rank's time from the first open to the last fsync and close", null, null),
            Make("write_time", Unit.Seconds, Direction.Lower, outcomes.Select(o => o.Write.Seconds),
                "time to checkpoint: the slowest rank's first open to last fsync and close", null, null),
            Make("slowest_writer_bandwidth", Unit.BytesPerSecond, Direction.Higher, outcomes.Select(o => o.Write.SlowestShardRate),
                $"the slowest writer's own shard over its own time; slowest: {slowWrite.Write.SlowestShard}, {Ratio(slowWrite.Write.Spread)} of the median writer",
                null, null),
            Make("restore_bandwidth", Unit.BytesPerSecond, Direction.Higher, outcomes.Select(o => o.Restore.BytesPerSecond),
                "bytes of every shard read back (and verified) over the slowest rank's time from the first open to the last close", correct, invalid),
            Make("restore_time", Unit.Seconds, Direction.Lower, outcomes.Select(o => o.Restore.Seconds),
                "time to restore: the slowest rank's first open to last close, every 4 KiB chunk verified", correct, invalid),
            Make("slowest_reader_bandwidth", Unit.BytesPerSecond, Direction.Higher, outcomes.Select(o => o.Restore.SlowestShardRate),
                $"the slowest reader's own shard over its own time; slowest: {slowRestore.Restore.SlowestShard}, {Ratio(slowRestore.Restore.Spread)} of the median reader",
                null, invalid),
        ];

        Measurement Make(string metric, string unit, Direction better, IEnumerable<double> values, string method, Correctness? correctness, string? invalidBecause)
        {
            double[] samples = values.ToArray();
            return new Measurement
            {
                Benchmark = id,
                Metric = metric,
                Unit = unit,
                Better = better,
                Params = parameters,
                Resolved = resolved,
                Samples = samples,
                Stats = SampleStatisticsEstimator.Estimate(samples, unit == Unit.Seconds ? SampleKind.Quantity : SampleKind.RateOfEqualWork),
                Correct = correctness,
                Invalid = invalidBecause,
                Info = new Dictionary<string, string>(info) { [InfoKeys.Method] = method },
            };
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string InvariantPercent(double fraction) => fraction.ToString("P0", CultureInfo.InvariantCulture);
}
