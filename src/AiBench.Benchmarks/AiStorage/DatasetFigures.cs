using System.Globalization;
using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// storage.dataset's figures, one sample per epoch. They are invalid when the page cache held more than 5% of the dataset
/// as an epoch began, or when nothing kept it out (cache=none) and the dataset is smaller than twice this machine's memory
/// (MLPerf Storage asks for 5× to the same end; emptying and checking the cache makes the size rule unnecessary).
/// </summary>
internal static class DatasetFigures
{
    private static readonly (string Label, double Percentile)[] Percentiles = [("p50", 50), ("p99", 99), ("max", 100)];

    public static IReadOnlyList<Measurement> Build(
        string id, BenchmarkCase c, SystemInfo system, DatasetSettings settings, DatasetStoreInfo dataset,
        IReadOnlyList<(EpochOutcome Outcome, double Cached)> epochs, bool stopped)
    {
        if (epochs.Count == 0)
        {
            return [];
        }

        double cached = epochs.Max(e => e.Cached);
        long memory = system.MemoryBytes > 0 ? system.MemoryBytes : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        bool clientCache = dataset.Store.ControlsCache;
        string? invalid = !clientCache ? null : cached > CheckpointFigures.CachedLimit
            ? $"{cached.ToString("P0", CultureInfo.InvariantCulture)} of the dataset was in the page cache as an epoch began (cache={settings.Cache.Name()}): the reads were partly from memory"
            : settings.Cache == CacheMode.None && settings.TotalBytes < 2 * memory
                ? $"the dataset ({ByteSize.FormatBinary(settings.TotalBytes)}) is smaller than twice this machine's memory ({ByteSize.FormatBinary(memory)}) and cache=none keeps nothing out of the page cache"
                : null;
        var info = new Dictionary<string, string>
        {
            ["shape"] = settings.Shape?.Name ?? "custom",
            ["files"] = Number(settings.Files),
            ["fileBytes"] = Number(settings.FileBytes),
            ["datasetBytes"] = Number(settings.TotalBytes),
            ["samplesPerFile"] = Number(settings.SamplesPerFile),
            ["readers"] = Number(settings.Readers),
            ["requestBytes"] = Number(settings.RequestBytes),
            ["store"] = dataset.Store.Description,
            ["cache"] = clientCache ? settings.Cache.Name() : "the server's (not the client's to empty)",
            ["datasetReused"] = dataset.Reused ? "true" : "false",
            ["cleanup"] = dataset.Cleanup ?? "complete",
            ["epochs"] = Number(epochs.Count),
            [InfoKeys.StopReason] = stopped ? "Fault" : "Epochs",
        };
        if (dataset.KeptAt is { } kept)
        {
            info["datasetKeptAt"] = kept;
        }

        if (clientCache)
        {
            info["cachedAtEpochStart"] = Number(cached);
        }

        if (dataset.Store is S3ShardStore s3)
        {
            info["payloadSigning"] = s3.PayloadSigning;
        }

        IReadOnlyDictionary<string, ParameterValue>? resolved = c.Resolve(
            ("files", ParameterValue.Of(settings.Files)),
            ("file-size", ParameterValue.Of(settings.FileBytes)),
            ("samples-per-file", ParameterValue.Of(settings.SamplesPerFile)),
            ("readers", ParameterValue.Of(settings.Readers)));
        Correctness? correct = settings.Verify
            ? new Correctness(ShardPattern.Chunks(settings.FileBytes) * settings.Files * epochs.Count, epochs.Sum(e => e.Outcome.WrongChunks))
            : null;

        var figures = new List<Measurement>
        {
            Make("bandwidth", Unit.BytesPerSecond, epochs.Select(e => e.Outcome.BytesPerSecond), null,
                "bytes of every file over the epoch's wall time, files read whole in a fresh random order", correct),
            Make("samples_per_second", Unit.OperationsPerSecond, epochs.Select(e => settings.Samples / e.Outcome.Seconds), null,
                $"training samples ({settings.SamplesPerFile} per file) over the epoch's wall time", correct),
        };
        if (settings.Shape is { } shape)
        {
            figures.Add(Make("accelerators_fed", Unit.Count, epochs.Select(e => shape.AcceleratorsFed(settings.Samples / e.Outcome.Seconds)), null,
                $"emulated H100s this rate keeps at AU ≥ {shape.MinimumUtilisation:P0} (MLPerf Storage {shape.Name}: batch {shape.BatchSize}, "
                + $"{shape.ComputeSeconds.ToString(CultureInfo.InvariantCulture)} s per batch): samples/s × compute ÷ (batch × AU)", null));
        }

        foreach ((string label, double percentile) in Percentiles)
        {
            figures.Add(Make("read_latency", Unit.Seconds, epochs.Select(e => e.Outcome.Latencies.GetValueAtPercentile(percentile) / 1e9),
                new Dictionary<string, string> { ["percentile"] = label },
                $"one read call of {ByteSize.FormatBinary(settings.RequestBytes)}, {label} over the epoch (HdrHistogram, 3 digits)", null));
        }

        return figures;

        Measurement Make(string metric, string unit, IEnumerable<double> values, Dictionary<string, string>? labels, string method, Correctness? correctness)
        {
            double[] samples = values.ToArray();
            Direction better = unit == Unit.Seconds ? Direction.Lower : Direction.Higher;
            return new Measurement
            {
                Benchmark = id,
                Metric = metric,
                Unit = unit,
                Better = better,
                Params = c.Values,
                Resolved = resolved,
                Labels = labels ?? new Dictionary<string, string>(),
                Samples = samples,
                Stats = SampleStatisticsEstimator.Estimate(samples, unit == Unit.Seconds ? SampleKind.Quantity : SampleKind.RateOfEqualWork),
                Correct = correctness,
                Invalid = invalid,
                Info = new Dictionary<string, string>(info) { [InfoKeys.Method] = method },
            };
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
