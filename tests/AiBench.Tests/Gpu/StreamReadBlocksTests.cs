using AiBench.Benchmarks.Gpu;
using Xunit;

namespace AiBench.Tests.Gpu;

/// <summary>The read kernel's per-block check: each block's vector count, pinned against a simulation of stream.cu's loop.</summary>
public class StreamReadBlocksTests
{
    /// <summary>STREAM_LOOP of native/cuda/stream.cu, run on the host: vectors each block touches.</summary>
    private static long[] Simulate(long vectors, int grid, int blockSize)
    {
        long[] counts = new long[grid];
        long tile = 4L * blockSize;
        long tiles = vectors / tile;
        for (int block = 0; block < grid; block++)
        {
            for (long t = block; t < tiles; t += grid)
            {
                counts[block] += tile;
            }

            for (int thread = 0; thread < blockSize; thread++)
            {
                for (long i = tiles * tile + (long)block * blockSize + thread; i < vectors; i += (long)grid * blockSize)
                {
                    counts[block]++;
                }
            }
        }

        return counts;
    }

    [Theory]
    [InlineData(4096, 4, 256)]      // whole tiles, one per block
    [InlineData(10_000, 3, 256)]    // tiles shared unevenly, and a tail
    [InlineData(100, 7, 256)]       // only a tail
    [InlineData(1_000_003, 16, 32)] // many tiles per block, an odd tail
    [InlineData(5000, 1, 256)]      // one block does it all
    public void Each_block_reads_what_the_kernel_loop_gives_it(long vectors, int grid, int blockSize)
    {
        long[] expected = Simulate(vectors, grid, blockSize);
        long[] counted = [.. Enumerable.Range(0, grid).Select(b => StreamReadBlocks.VectorsOfBlock(vectors, grid, blockSize, b))];
        Assert.Equal(expected, counted);
        Assert.Equal(vectors, counted.Sum());
    }

    [Fact]
    public void The_default_grid_gives_every_block_one_tile()
    {
        long vectors = (1L << 30) / 16;
        uint grid = StreamKernelRunner.TileGrid(vectors * 2);
        Assert.Equal(vectors / 1024, grid);
        Assert.All(new long[] { 0, 1, grid / 2, grid - 1 }, b => Assert.Equal(1024, StreamReadBlocks.VectorsOfBlock(vectors, grid, 256, b)));
    }

    [Fact]
    public void A_wrong_block_is_caught_even_when_the_total_is_right()
    {
        const long vectors = 10_000;
        const int grid = 3;
        const double perVector = 0.5; // two doubles of 0.25
        double[] partials = [.. Enumerable.Range(0, grid).Select(b => perVector * StreamReadBlocks.VectorsOfBlock(vectors, grid, 256, b))];
        Assert.Equal(0, StreamReadBlocks.CountWrongBlocks(partials, vectors, 256, perVector));

        // Block 0 read a vector twice and block 1 skipped one: the sum over blocks (the old check) still matches.
        partials[0] += perVector;
        partials[1] -= perVector;
        Assert.Equal(perVector * vectors, partials.Sum());
        Assert.Equal(2, StreamReadBlocks.CountWrongBlocks(partials, vectors, 256, perVector));

        partials[2] = double.NaN;
        Assert.Equal(3, StreamReadBlocks.CountWrongBlocks(partials, vectors, 256, perVector));
    }
}
