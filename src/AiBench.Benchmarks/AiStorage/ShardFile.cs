using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>Writes one shard the way a checkpoint writer does (sequential requests, fsync, close), and reads it back.</summary>
internal static class ShardFile
{
    /// <summary>
    /// Creates <paramref name="path"/> (never an existing file: O_CREAT|O_EXCL), writes <paramref name="bytes"/> of the
    /// pattern in requests of the buffer's length, fsyncs and closes; timed from before the open to after the close.
    /// <paramref name="created"/> is called once the file exists and is ours to delete.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // compiled once, optimised: no tier-up JIT inside a timed phase
    public static ShardTiming Write(
        string path, long bytes, ShardPattern pattern, AlignedBuffer buffer, bool direct, Action created, CancellationToken cancel)
    {
        Span<byte> block = buffer.Span;
        pattern.Fill(block, 0);
        long start = Stopwatch.GetTimestamp();
        using (SafeFileHandle handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            created();
            if (direct)
            {
                PageCache.UseDirectIo(handle, path);
            }

            // Requests of whole pattern blocks repeat the same bytes: only the stamps change (16 bytes per 4 KiB).
            bool restampOnly = block.Length % ShardPattern.PatternBytes == 0;
            for (long offset = 0; offset < bytes; offset += block.Length)
            {
                cancel.ThrowIfCancellationRequested();
                int length = (int)Math.Min(block.Length, bytes - offset);
                if (restampOnly)
                {
                    pattern.Stamp(block[..length], offset);
                }
                else
                {
                    pattern.Fill(block[..length], offset);
                }

                RandomAccess.Write(handle, block[..length], offset);
            }

            PageCache.Flush(handle, path);
        }

        return new ShardTiming(start, Stopwatch.GetTimestamp(), bytes);
    }

    /// <summary>
    /// Reads the whole shard in requests of the buffer's length, counting chunks that differ from the pattern when asked;
    /// <paramref name="request"/> hears each read call's time in Stopwatch ticks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ShardTiming Read(
        string path, ShardPattern pattern, AlignedBuffer buffer, bool verify, bool direct, CancellationToken cancel, Action<long>? request = null)
    {
        Span<byte> block = buffer.Span;
        long wrong = 0;
        long total = 0;
        long start = Stopwatch.GetTimestamp();
        using (SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            if (direct)
            {
                PageCache.UseDirectIo(handle, path);
            }

            while (true)
            {
                cancel.ThrowIfCancellationRequested();
                // Whole requests only (a short read is continued): the pattern repeats per request-sized block.
                int filled = 0;
                int read;
                while (filled < block.Length)
                {
                    long issued = Stopwatch.GetTimestamp();
                    read = RandomAccess.Read(handle, block[filled..], total + filled);
                    request?.Invoke(Stopwatch.GetTimestamp() - issued);
                    if (read == 0)
                    {
                        break;
                    }

                    filled += read;
                }

                if (filled == 0)
                {
                    break;
                }

                if (verify)
                {
                    wrong += pattern.WrongChunks(block[..filled], total);
                }

                total += filled;
            }
        }

        return new ShardTiming(start, Stopwatch.GetTimestamp(), total, wrong);
    }
}
