using System.Diagnostics;
using System.Runtime.ExceptionServices;
using AiBench.Core.Errors;
using AiBench.Core.Files;
using HdrHistogram;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// One epoch: every file of the dataset read whole, in an order shuffled afresh for the epoch, by the reader threads
/// taking the next file as they finish one (a data loader's workers); each read call timed. The epoch's time runs from
/// the readers' start to the last file's close.
/// </summary>
internal static class DatasetEpoch
{
    private const long HighestNs = 3_600_000_000_000;

    public static EpochOutcome Run(IShardStore store, int seed, DatasetSettings settings, int epoch, CancellationToken cancel)
    {
        int[] order = Enumerable.Range(0, settings.Files).ToArray();
        new Random(HashCode.Combine(seed, epoch)).Shuffle(order);
        var block = new PatternBlock(seed);
        int next = -1;
        (ReaderOutcome[] readers, Exception?[] failures) = ShardThreads.Run(settings.Readers, _ =>
        {
            using var buffer = new AlignedBuffer(settings.RequestBytes);
            var latencies = new LongHistogram(HighestNs, 3);
            long start = Stopwatch.GetTimestamp(), bytes = 0, wrong = 0;
            for (int i = Interlocked.Increment(ref next); i < order.Length; i = Interlocked.Increment(ref next))
            {
                int file = order[i];
                ShardTiming t = store.Read(DatasetWriter.Name(file), new ShardPattern(file, block), buffer, settings.Verify, cancel,
                    ticks => latencies.RecordValue(Math.Clamp((long)(ticks * (1e9 / Stopwatch.Frequency)), 1, HighestNs)));
                bytes += t.Bytes;
                wrong += t.WrongChunks;
            }

            return new ReaderOutcome(start, Stopwatch.GetTimestamp(), bytes, wrong, latencies);
        }, "dataset reader");
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            if (StorageFault.Is(failure))
            {
                throw new CouldNotRunException($"reading the dataset ({store.Description}, epoch {epoch + 1}): {failure.Message}", failure);
            }

            ExceptionDispatchInfo.Throw(failure); // CouldNotRun (an S3 endpoint gone), Ctrl-C, or a bug
        }

        var merged = new LongHistogram(HighestNs, 3);
        foreach (ReaderOutcome r in readers)
        {
            merged.Add(r.Latencies);
        }

        double seconds = Stopwatch.GetElapsedTime(readers.Min(r => r.Start), readers.Max(r => r.End)).TotalSeconds;
        return new EpochOutcome(readers.Sum(r => r.Bytes), seconds, readers.Sum(r => r.WrongChunks), merged);
    }

    private sealed record ReaderOutcome(long Start, long End, long Bytes, long WrongChunks, LongHistogram Latencies);
}

/// <summary>One epoch's bytes, wall time, wrong chunks and per-read-call latencies (ns).</summary>
internal sealed record EpochOutcome(long Bytes, double Seconds, long WrongChunks, LongHistogram Latencies)
{
    public double BytesPerSecond => Seconds > 0 ? Bytes / Seconds : 0;
}
