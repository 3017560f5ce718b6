using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// A known 64-bit pattern for host transfers: word i = i·φ + c (φ the golden-ratio constant), so every word differs
/// and a misplaced or missing block is caught. Filled and checked in parallel chunks.
/// </summary>
internal static class HostPattern
{
    private const int ChunkWords = 1 << 22;

    public static ulong Word(long index) => unchecked((ulong)index * 0x9E3779B97F4A7C15UL + 0x0123456789ABCDEFUL);

    public static long Words(PinnedHostBuffer buffer) => buffer.SizeBytes / sizeof(ulong);

    public static void Fill(PinnedHostBuffer buffer) => ForEachChunk(buffer, (start, words) =>
    {
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = Word(start + i);
        }

        return 0;
    });

    public static void Clear(PinnedHostBuffer buffer) => ForEachChunk(buffer, (_, words) =>
    {
        words.Clear();
        return 0;
    });

    /// <summary>Words that differ from the pattern.</summary>
    public static long CountWrong(PinnedHostBuffer buffer) => ForEachChunk(buffer, (start, words) =>
    {
        long wrong = 0;
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i] != Word(start + i))
            {
                wrong++;
            }
        }

        return wrong;
    });

    private delegate long ChunkAction(long start, Span<ulong> words);

    private static long ForEachChunk(PinnedHostBuffer buffer, ChunkAction action)
    {
        long total = Words(buffer);
        int chunks = (int)((total + ChunkWords - 1) / ChunkWords);
        long result = 0;
        Parallel.For(0, chunks, () => 0L, (chunk, _, sum) =>
        {
            long start = (long)chunk * ChunkWords;
            int length = (int)Math.Min(ChunkWords, total - start);
            return sum + action(start, buffer.AsSpan<ulong>(start, length));
        }, sum => Interlocked.Add(ref result, sum));
        return result;
    }
}
