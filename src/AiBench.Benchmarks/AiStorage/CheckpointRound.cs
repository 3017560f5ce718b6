using System.Diagnostics;
using System.Globalization;
using AiBench.Benchmarks.Collectives;
using AiBench.Core.Errors;
using AiBench.Core.Files;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// One checkpoint of this rank: its writers each write and fsync a shard, the cache is emptied of them, its readers read
/// them back (verifying), and the shards are deleted. Every rank runs the same round; after each phase the ranks agree
/// on success and combine their figures, so a rank that failed stops every rank, with its reason on its own.
/// </summary>
internal sealed class CheckpointRound(CheckpointSettings settings, IRankGroup group, IShardStore store, int round, int seed)
{
    private readonly long _shardBytes = settings.ShardBytes(group.Size);

    public CheckpointOutcome Run(CancellationToken cancel)
    {
        string[] shards = Enumerable.Range(0, settings.Writers)
            .Select(w => string.Create(CultureInfo.InvariantCulture, $"round{round}-rank{group.Rank:D5}-shard{w:D3}.bin"))
            .ToArray();
        var written = new bool[shards.Length];
        try
        {
            group.Barrier();
            (PhaseResult write, _) = Phase("write", shards,
                (w, pattern, buffer) => store.Write(shards[w], _shardBytes, pattern, buffer, () => written[w] = true, cancel));

            long cachedBytes = store.EmptyCache(shards);
            (long cached, _) = group.Sum(cachedBytes, 0);
            group.Barrier();
            (PhaseResult restore, long wrong) = Phase("restore", shards,
                (w, pattern, buffer) => store.Read(shards[w], pattern, buffer, settings.Verify, cancel));
            long chunks = settings.Verify ? ShardPattern.Chunks(_shardBytes) * shards.Length : 0;
            (long allChunks, long allWrong) = group.Sum(chunks, wrong);
            return new CheckpointOutcome(write, restore, (double)cached / write.Bytes, allChunks, allWrong);
        }
        finally
        {
            for (int w = 0; w < shards.Length; w++)
            {
                if (written[w])
                {
                    store.Delete(shards[w]);
                }
            }
        }
    }

    /// <summary>Runs one phase on every writer thread, agrees with the other ranks that it worked, and combines the timings.</summary>
    private (PhaseResult Result, long WrongChunks) Phase(string name, string[] shards, Func<int, ShardPattern, AlignedBuffer, ShardTiming> job)
    {
        var block = new PatternBlock(HashCode.Combine(seed, round));
        (ShardTiming[] timings, Exception?[] failures) = ShardThreads.Run(shards.Length, w =>
        {
            var pattern = new ShardPattern(((long)group.Rank << 20) + w, block);
            using var buffer = new AlignedBuffer(settings.RequestBytes);
            return job(w, pattern, buffer);
        }, $"checkpoint {name}");
        ThrowIfAnyRankFailed(name, shards, failures);

        // This rank's span: its first open to its last close. The job's: the slowest rank's (all started at the barrier).
        double rankSeconds = Stopwatch.GetElapsedTime(timings.Min(t => t.StartTicks), timings.Max(t => t.EndTicks)).TotalSeconds;
        double[] rates = timings.Select(t => t.BytesPerSecond).ToArray();
        int slowest = Array.IndexOf(rates, rates.Min());
        double[] rankSpans = group.GatherAll(rankSeconds);
        double[] slowestRates = group.GatherAll(rates[slowest]);
        double[] slowestShards = group.GatherAll(slowest);
        double[] medians = group.GatherAll(Median(rates));
        int slowestRank = Array.IndexOf(slowestRates, slowestRates.Min());
        string slowestShard = string.Create(CultureInfo.InvariantCulture,
            $"rank {slowestRank} on {group.Hosts[slowestRank]}, shard {(int)slowestShards[slowestRank]}");
        long bytes = _shardBytes * shards.Length * group.Size;
        return (new PhaseResult(bytes, rankSpans.Max(), slowestRates.Min(), Median(medians), slowestShard), timings.Sum(t => t.WrongChunks));
    }

    /// <summary>Every rank learns whether any failed; the failing rank names its file and error, the others name it.</summary>
    private void ThrowIfAnyRankFailed(string phase, string[] shards, Exception?[] failures)
    {
        int index = Array.FindIndex(failures, f => f is not null);
        Exception? failure = index < 0 ? null : failures[index];
        if (failure is not null and not OperationCanceledException and not CouldNotRunException && !StorageFault.Is(failure))
        {
            throw failure; // a bug, not a fault of the storage: shown as one
        }

        (long failedRanks, long interruptedRanks) = group.Sum(failure is null ? 0 : 1, failure is OperationCanceledException ? 1 : 0);
        if (failedRanks == 0)
        {
            return;
        }

        if (interruptedRanks > 0)
        {
            throw new OperationCanceledException();
        }

        throw failure is null
            ? new CouldNotRunException($"checkpoint {phase} failed on {failedRanks} other rank(s); this is rank {group.Rank} on {group.Host()}")
            : new CouldNotRunException($"checkpoint {phase} of {shards[index]} (rank {group.Rank} on {group.Host()}, {store.Description}): {failure.Message}", failure);
    }

    private static double Median(double[] values)
    {
        double[] sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
