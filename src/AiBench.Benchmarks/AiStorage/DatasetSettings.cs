using System.Globalization;
using AiBench.Core.Errors;
using AiBench.Core.Parameters;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>One storage.dataset case resolved: the dataset's files and sizes, who reads it how, and how often.</summary>
internal sealed record DatasetSettings
{
    public required DatasetShape? Shape { get; init; }

    public required int Files { get; init; }

    /// <summary>Bytes of every file, rounded down to whole 4 KiB chunks (O_DIRECT and the content stamps need it).</summary>
    public required long FileBytes { get; init; }

    public required int SamplesPerFile { get; init; }

    public required int Readers { get; init; }

    public required int RequestBytes { get; init; }

    public required int Epochs { get; init; }

    public required CacheMode Cache { get; init; }

    public required bool Verify { get; init; }

    /// <summary>The folder the dataset lives in; null for the run's scratch folder (written and removed every case).</summary>
    public required string? Folder { get; init; }

    public long TotalBytes => FileBytes * Files;

    public long Samples => (long)SamplesPerFile * Files;

    /// <summary>The kept dataset's name, a folder's or an S3 prefix's: <c>aibench-dataset-FILESxBYTES</c>.</summary>
    public string StoredName => string.Create(CultureInfo.InvariantCulture, $"aibench-dataset-{Files}x{FileBytes}");

    public static DatasetSettings From(BenchmarkCase c)
    {
        DatasetShape? shape = DatasetShape.Find(c.GetText("shape"));
        long request = c.GetInt64("request");
        if (request % ShardPattern.ChunkBytes != 0)
        {
            throw new BadInputException($"parameter 'request': {request} B is not a multiple of 4 KiB (O_DIRECT needs aligned requests)");
        }

        int? files = c["files"].IsNumber ? c.GetInt32("files") : shape?.Files;
        long? fileBytes = c.GetOptionalInt64("file-size") ?? shape?.FileBytes;
        if (files is null || fileBytes is null)
        {
            throw new BadInputException("shape=custom needs files=N and file-size=SIZE");
        }

        long aligned = fileBytes.Value / ShardPattern.ChunkBytes * ShardPattern.ChunkBytes;
        if (aligned == 0)
        {
            throw new BadInputException($"parameter 'file-size': {fileBytes} B is less than 4 KiB");
        }

        string folder = c.GetText("folder");
        return new DatasetSettings
        {
            Shape = shape,
            Files = files.Value,
            FileBytes = aligned,
            SamplesPerFile = c["samples-per-file"].IsNumber ? c.GetInt32("samples-per-file") : shape?.SamplesPerFile ?? 1,
            Readers = c["readers"].IsNumber ? c.GetInt32("readers") : shape?.Readers ?? 4,
            RequestBytes = (int)request,
            Epochs = c.GetInt32("epochs"),
            Cache = CacheModes.Parse(c.GetText("cache")),
            Verify = c.GetBoolean("verify"),
            Folder = folder == "scratch" ? null : folder,
        };
    }
}
