using System.Globalization;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>Writes a dataset's files into a store, every reader thread taking the next file; names are the same in every store.</summary>
internal static class DatasetWriter
{
    public static string Name(int index) => string.Create(CultureInfo.InvariantCulture, $"file-{index:D7}.bin");

    /// <summary>Writes every file; the first failure is returned (the others finish their file first), null when all were written.</summary>
    public static Exception? Write(IShardStore store, DatasetSettings settings, int seed, Action<string> report, CancellationToken cancel)
    {
        report($"writing the dataset: {settings.Files} × {ByteSize.FormatBinary(settings.FileBytes)} ({store.Description})");
        var block = new PatternBlock(seed);
        int next = -1;
        (_, Exception?[] failures) = ShardThreads.Run(settings.Readers, _ =>
        {
            using var buffer = new AlignedBuffer(Math.Max(settings.RequestBytes, ShardPattern.PatternBytes));
            for (int i = Interlocked.Increment(ref next); i < settings.Files; i = Interlocked.Increment(ref next))
            {
                cancel.ThrowIfCancellationRequested();
                store.Write(Name(i), settings.FileBytes, new ShardPattern(i, block), buffer, () => { }, cancel);
            }

            return 0;
        }, "dataset writer");
        return failures.FirstOrDefault(f => f is not null);
    }
}
