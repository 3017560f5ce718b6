using AiBench.Core.Errors;
using AiBench.Core.Parameters;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>One storage.checkpoint case resolved: how many bytes in how many shards, written how, how often.</summary>
internal sealed record CheckpointSettings
{
    public required CheckpointModel Model { get; init; }

    /// <summary>The GPUs whose shards this job writes (their share of the model's checkpoint).</summary>
    public required int Gpus { get; init; }

    /// <summary>The whole checkpoint of this job, over every rank.</summary>
    public required long TotalBytes { get; init; }

    public required int Writers { get; init; }

    public required int RequestBytes { get; init; }

    public required CacheMode Cache { get; init; }

    public required bool Verify { get; init; }

    public required int Checkpoints { get; init; }

    public required string Folder { get; init; }

    /// <summary>Each rank's shard size: the job's bytes over ranks and writers, down to whole 4 KiB chunks (O_DIRECT).</summary>
    public long ShardBytes(int ranks) => TotalBytes / ranks / Writers / AlignedBuffer.Alignment * AlignedBuffer.Alignment;

    public static CheckpointSettings From(BenchmarkCase c, int ranks, string scratch)
    {
        CheckpointModel model = CheckpointModel.Find(c.GetText("model"));
        int gpus = c["gpus"].IsNumber ? c.GetInt32("gpus") : Math.Min(model.Gpus, 8 * ranks);
        long total = c.GetOptionalInt64("size") ?? model.ShareOf(gpus);
        int writers = c.GetInt32("writers");
        long request = c.GetInt64("request");
        if (request % AlignedBuffer.Alignment != 0)
        {
            throw new BadInputException($"parameter 'request': {request} B is not a multiple of 4 KiB (O_DIRECT needs aligned requests)");
        }

        var settings = new CheckpointSettings
        {
            Model = model,
            Gpus = gpus,
            TotalBytes = total,
            Writers = writers,
            RequestBytes = (int)request,
            Cache = CacheModes.Parse(c.GetText("cache")),
            Verify = c.GetBoolean("verify"),
            Checkpoints = c.GetInt32("checkpoints"),
            Folder = c.GetText("folder") is "scratch" ? scratch : c.GetText("folder"),
        };
        if (settings.ShardBytes(ranks) == 0)
        {
            throw new BadInputException(
                $"parameter 'size': {ByteSize.FormatBinary(total)} over {ranks} rank(s) × {writers} writer(s) leaves less than 4 KiB per shard");
        }

        return settings;
    }
}
