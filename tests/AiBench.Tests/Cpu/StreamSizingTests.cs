using AiBench.Benchmarks.Cpu;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using Xunit;

namespace AiBench.Tests.Cpu;

public class StreamSizingTests
{
    private static SystemInfo Machine(long llcBytes, long memoryBytes) => SystemInfo.Unknown with
    {
        MemoryBytes = memoryBytes,
        Cpu = new CpuInfo { Model = "test", LogicalCores = 2, LastLevelCacheBytes = llcBytes },
    };

    [Fact]
    public void Auto_size_is_four_times_the_last_level_cache() =>
        Assert.Equal(4 * (300L << 20), StreamArraySize.Auto(Machine(300L << 20, 24L << 30)));

    [Fact]
    public void Auto_size_is_at_least_64_MiB() =>
        Assert.Equal(64L << 20, StreamArraySize.Auto(Machine(8L << 20, 24L << 30)));

    [Fact]
    public void Auto_size_keeps_the_three_arrays_within_a_quarter_of_memory()
    {
        long bytes = StreamArraySize.Auto(Machine(1L << 30, 12L << 30));
        Assert.True(3 * bytes <= (12L << 30) / 4);
        Assert.Equal(0, bytes % (2L << 20));
    }

    [Fact]
    public void Unknown_cache_gives_a_size_beyond_any_common_cache() =>
        Assert.Equal(1L << 30, StreamArraySize.Auto(Machine(0, 0)));

    [Theory]
    [InlineData("auto", null)]
    [InlineData(" AUTO ", null)]
    [InlineData("4MiB", 4L << 20)]
    [InlineData("1G", 1L << 30)]
    [InlineData("1MB", 1_000_000L)]
    public void Size_is_auto_or_bytes(string text, long? expected) => Assert.Equal(expected, Size(text));

    [Theory]
    [InlineData("lots")]
    [InlineData("4")]
    [InlineData("")]
    public void Bad_sizes_are_bad_input(string text) => Assert.Throws<BadInputException>(() => Size(text));

    /// <summary>The size as the benchmark reads it: parsed and checked by its parameter schema.</summary>
    private static long? Size(string text) =>
        new CpuMemoryBenchmark().Parameters.Expand(new Dictionary<string, string> { ["size"] = text })[0].GetOptionalInt64("size");

    [Theory]
    [InlineData("copy", 2)]
    [InlineData("scale", 2)]
    [InlineData("add", 3)]
    [InlineData("triad", 3)]
    public void Bytes_are_counted_as_stream_does(string name, int accesses)
    {
        StreamKernel kernel = StreamKernels.Parse(name);
        Assert.Equal(accesses, kernel.AccessesPerElement());
        Assert.Equal(name, kernel.Name());
    }
}
