using AiBench.Benchmarks.Gpu;
using AiBench.Core.Errors;
using Xunit;

namespace AiBench.Tests.Gpu;

public class GpuMemoryAccountingTests
{
    [Theory]
    [InlineData("copy", 2)]
    [InlineData("scale", 2)]
    [InlineData("add", 3)]
    [InlineData("triad", 3)]
    [InlineData("read", 1)]
    [InlineData("device_copy", 2)]
    [InlineData("h2d", 1)]
    [InlineData("d2h", 1)]
    [InlineData("bidir", 1)]
    public void Bytes_are_accesses_times_element_size_times_elements(string name, int accesses)
    {
        GpuMemoryTest test = GpuMemoryTests.Parse(name);
        Assert.Equal(accesses, test.AccessesPerElement());
        Assert.Equal(accesses * 8.0 * 134_217_728, MemoryTraffic.BytesPerOperation(test, 134_217_728, sizeof(double)));
        Assert.Equal(accesses * (1.0 * (1L << 30)), MemoryTraffic.BytesPerOperation(test, 1L << 30));
        Assert.Equal(name, test.Name());
    }

    [Theory]
    [InlineData("triad", "gpu.memory_bandwidth")]
    [InlineData("device_copy", "gpu.memory_bandwidth")]
    [InlineData("h2d", "gpu.pcie")]
    [InlineData("d2h", "gpu.pcie")]
    [InlineData("bidir", "gpu.pcie")]
    public void Each_test_names_its_datasheet_figure(string name, string key) =>
        Assert.Equal(key, GpuMemoryTests.Parse(name).BaselineKey());

    [Fact]
    public void Bidir_is_nvbandwidths_per_direction_figure_not_the_sum_over_the_slower_direction()
    {
        // 1 GiB measured four times in 0.1 s on its stream while 2 GiB copies run the other way until 0.19 s.
        const long transfer = 1L << 30;
        double measured = MemoryTraffic.BidirectionalRate(transfer, 4, 0.1);
        Assert.Equal(4.0 * transfer / 0.1, measured);
        Assert.Equal(2 * transfer, MemoryTraffic.InterferingBytes(transfer));

        // The old figure, (up + down bytes) / max(time) over equal copies both ways, read twice nvbandwidth's.
        double aggregate = (4.0 * transfer + 4.0 * transfer) / Math.Max(0.1, 0.1);
        Assert.Equal(2 * measured, aggregate);
        Assert.Equal(["h2d_bidir", "d2h_bidir"], GpuMemoryTest.Bidirectional.Metrics());
    }

    [Fact]
    public void Device_copy_gives_read_write_traffic_and_nvbandwidths_count_once_from_one_timing()
    {
        Assert.Equal(["device_copy_read_write", "device_local_copy"], GpuMemoryTest.DeviceCopy.Metrics());
        double readWrite = MemoryTraffic.BytesPerOperation(GpuMemoryTest.DeviceCopy, 1L << 30) * 16 / 0.01;
        Assert.Equal(2.0 * (1L << 30) * 16 / 0.01, readWrite);
        Assert.Equal(1.0 * (1L << 30) * 16 / 0.01, MemoryTraffic.CountedOnce(readWrite));
        Assert.Equal(["triad"], GpuMemoryTest.Triad.Metrics());
    }

    [Fact]
    public void The_default_sweep_is_every_test_in_order()
    {
        var schema = new GpuMemoryBenchmark().Parameters;
        var cases = schema.Expand(new Dictionary<string, string>());
        Assert.Equal(["copy", "scale", "add", "triad", "read", "device_copy", "h2d", "d2h", "bidir"], cases.Select(c => c.GetText("test")));
        Assert.All(cases, c => Assert.Equal("auto", c.GetText("size")));
        Assert.Throws<BadInputException>(() => schema.Expand(new Dictionary<string, string> { ["test"] = "memset" }));
    }

    [Fact]
    public void Auto_arrays_are_at_least_four_l2_and_one_gib_within_free_memory()
    {
        long l2 = 50L << 20;
        Assert.Equal(1L << 30, MemorySizing.ArrayBytes(null, l2, 80L << 30, 3));
        Assert.Equal(2L << 30, MemorySizing.ArrayBytes(null, 512L << 20, 80L << 30, 3));
        long capped = MemorySizing.ArrayBytes(null, l2, 1L << 30, 3);
        Assert.True(capped * 3 <= (long)((1L << 30) * 0.8));
        Assert.Equal(0, capped % (2L << 20));
        Assert.Throws<CouldNotRunException>(() => MemorySizing.ArrayBytes(null, l2, 32L << 20, 3));
    }

    [Fact]
    public void Explicit_sizes_are_whole_vectors_and_must_fit()
    {
        // The size as the benchmark reads it: parsed and checked by its schema, then whole vectors.
        static long? Requested(string text) => MemorySizing.WholeVectors(new GpuMemoryBenchmark().Parameters
            .Expand(new Dictionary<string, string> { ["size"] = text })[0].GetOptionalInt64("size"));
        Assert.Null(Requested("auto"));
        Assert.Equal(512L << 20, Requested("512MiB"));
        Assert.Equal(1000L / 16 * 16, Requested("1000"));
        Assert.Throws<BadInputException>(() => Requested("8"));
        Assert.Throws<BadInputException>(() => Requested("huge"));
        Assert.Throws<CouldNotRunException>(() => MemorySizing.ArrayBytes(8L << 30, 50L << 20, 16L << 30, 3));
        Assert.Equal(1L << 30, MemorySizing.TransferBytes(null, 80L << 30, 2));
    }

    [Fact]
    public void Each_kernel_leaves_an_exact_value_different_from_the_start()
    {
        Assert.Equal((StreamExpectation.Array.C, 0.25), StreamExpectation.For(GpuMemoryTest.Copy));
        Assert.Equal((StreamExpectation.Array.B, 6.0), StreamExpectation.For(GpuMemoryTest.Scale));
        Assert.Equal((StreamExpectation.Array.C, 0.75), StreamExpectation.For(GpuMemoryTest.Add));
        Assert.Equal((StreamExpectation.Array.A, 6.5), StreamExpectation.For(GpuMemoryTest.Triad));
        Assert.NotEqual(StreamExpectation.InitialC, StreamExpectation.For(GpuMemoryTest.Copy).Value);
        Assert.NotEqual(StreamExpectation.InitialB, StreamExpectation.For(GpuMemoryTest.Scale).Value);
        Assert.NotEqual(StreamExpectation.InitialC, StreamExpectation.For(GpuMemoryTest.Add).Value);
        Assert.NotEqual(StreamExpectation.InitialA, StreamExpectation.For(GpuMemoryTest.Triad).Value);
    }

    [Fact]
    public void The_host_pattern_differs_word_to_word()
    {
        var words = Enumerable.Range(0, 1000).Select(i => HostPattern.Word(i)).ToHashSet();
        Assert.Equal(1000, words.Count);
        Assert.DoesNotContain(0UL, words);
    }
}
