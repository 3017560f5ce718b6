namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// The random 1 MiB every file of one checkpoint or dataset repeats: made once from the seed, not per file (a file read
/// in 30 ms should not spend 2 ms making its pattern). The per-chunk stamps keep every 4 KiB of every file unique.
/// </summary>
internal sealed class PatternBlock
{
    public PatternBlock(int seed) => new Random(seed).NextBytes(Bytes);

    public byte[] Bytes { get; } = new byte[ShardPattern.PatternBytes];
}
