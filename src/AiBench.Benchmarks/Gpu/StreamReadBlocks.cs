namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// Which 16-byte vectors each block of <c>stream_read</c> sums (native/cuda/stream.cu's STREAM_LOOP: block b takes
/// tiles b, b + grid, … of 4 × blockDim vectors, then its threads' share of the tail, strided by grid × blockDim), so
/// every block's partial sum has an exact expected value and each is checked, not only their total: a block that
/// read the wrong memory cannot hide behind another's compensating error.
/// </summary>
internal static class StreamReadBlocks
{
    /// <summary>Vectors block <paramref name="block"/> of <paramref name="grid"/> reads out of <paramref name="vectors"/>.</summary>
    public static long VectorsOfBlock(long vectors, long grid, int blockSize, long block)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vectors);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(grid);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        ArgumentOutOfRangeException.ThrowIfNegative(block);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(block, grid);
        long tile = 4L * blockSize;
        long tiles = vectors / tile;
        long count = block < tiles ? ((tiles - 1 - block) / grid + 1) * tile : 0;

        // The tail is shorter than one tile, so only the first few blocks' threads reach into it.
        long tailStart = tiles * tile;
        long stride = grid * blockSize;
        for (long thread = 0; thread < blockSize; thread++)
        {
            long first = tailStart + block * blockSize + thread;
            if (first >= vectors)
            {
                break;
            }

            count += (vectors - 1 - first) / stride + 1;
        }

        return count;
    }

    /// <summary>
    /// Blocks whose partial sum differs from <paramref name="sumPerVector"/> × its vector count by more than a relative
    /// 1e-12 (the sums are of exact multiples of 0.25, so a correct block matches exactly); NaN is wrong.
    /// </summary>
    public static long CountWrongBlocks(ReadOnlySpan<double> partials, long vectors, int blockSize, double sumPerVector)
    {
        long wrong = 0;
        for (int block = 0; block < partials.Length; block++)
        {
            double expected = sumPerVector * VectorsOfBlock(vectors, partials.Length, blockSize, block);
            if (!(Math.Abs(partials[block] - expected) <= Math.Abs(expected) * 1e-12))
            {
                wrong++;
            }
        }

        return wrong;
    }
}
