using AiBench.Benchmarks;
using AiBench.Benchmarks.Storage;
using Xunit;

namespace AiBench.Tests.Storage;

public class IoEngineTests
{
    private static string NewFile(StorageTestFolder folder, long size)
    {
        string file = Path.Combine(folder.Path, "engine.dat");
        using (File.OpenHandle(file, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.None, size))
        {
        }

        return file;
    }

    private static IoOutcome Fill(string file, long size, int blockSize, int engine = Interop.IoEngine.EngineAuto) =>
        IoEngineRunner.Run(new IoRequest
        {
            Path = file, Size = size, BlockSize = blockSize, QueueDepth = 8, ReadPercent = 0, Verify = true, Engine = engine,
            IoLimit = size / blockSize,
        }, CancellationToken.None);

    [Theory]
    [InlineData(Interop.IoEngine.EngineUring, "io_uring")]
    [InlineData(Interop.IoEngine.EngineLibaio, "libaio")]
    public void A_count_based_run_counts_exactly(int engine, string name)
    {
        using var folder = new StorageTestFolder();
        const long size = 8 << 20;
        string file = NewFile(folder, size);
        IoOutcome fill = Fill(file, size, 65536, engine);
        Assert.Equal(Interop.IoEngine.Ok, fill.Status);
        Assert.Equal(name, fill.Engine);
        Assert.Equal(128, fill.Writes);
        Assert.Equal(size, fill.BytesWritten);

        IoOutcome read = IoEngineRunner.Run(new IoRequest
        {
            Path = file, Size = size, BlockSize = 4096, QueueDepth = 16, Jobs = 3, Random = true, ReadPercent = 100,
            Engine = engine, IoLimit = 1000,
        }, CancellationToken.None);

        Assert.Equal(Interop.IoEngine.Ok, read.Status);
        Assert.Equal(3000, read.Reads);
        Assert.Equal(3000L * 4096, read.BytesRead);
        Assert.Equal(0, read.Writes);
        Assert.Equal(0, read.Errors);
        Assert.Equal(3000, LatencyHistogram.Count(read.Read.Histogram(0)));
        Assert.Equal(0, LatencyHistogram.Count(read.Write.Merged()));
        Assert.True(read.Read.LatencyMinNs > 0 && read.Read.LatencyMaxNs >= read.Read.LatencyMinNs);
        Assert.True(read.Read.LatencyMaxNs < 10_000_000_000, $"max latency {read.Read.LatencyMaxNs} ns: a wrapped (negative) latency");
        Assert.Equal((0.0, 0.0), (read.Write.LatencyMinNs, read.Write.LatencyMaxNs));
    }

    [Fact]
    public void A_mixed_run_splits_reads_and_writes_by_the_percentage()
    {
        using var folder = new StorageTestFolder();
        const long size = 4 << 20;
        string file = NewFile(folder, size);
        Assert.Equal(Interop.IoEngine.Ok, Fill(file, size, 4096).Status);
        IoOutcome mixed = IoEngineRunner.Run(new IoRequest
        {
            Path = file, Size = size, BlockSize = 4096, QueueDepth = 8, Random = true, ReadPercent = 70, Verify = true, IoLimit = 4000,
        }, CancellationToken.None);
        Assert.Equal(Interop.IoEngine.Ok, mixed.Status);
        Assert.Equal(4000, mixed.Ios);
        Assert.InRange(mixed.Reads / 4000.0, 0.65, 0.75);
        Assert.Equal(mixed.Reads, mixed.VerifyChecked);
        Assert.Equal(0, mixed.VerifyFailed);

        // Every read's latency is in the read histogram and every write's in the write one, as fio keeps them.
        Assert.Equal(mixed.Reads, LatencyHistogram.Count(mixed.Read.Merged()));
        Assert.Equal(mixed.Writes, LatencyHistogram.Count(mixed.Write.Merged()));
        Assert.Equal((mixed.Reads * 4096L, mixed.Writes * 4096L), (mixed.BytesRead, mixed.BytesWritten));
        Assert.True(mixed.Read.LatencyMaxNs > 0 && mixed.Write.LatencyMaxNs > 0);
    }

    [Fact]
    public void A_time_based_mixed_run_counts_each_direction_per_slice()
    {
        using var folder = new StorageTestFolder();
        const long size = 4 << 20;
        string file = NewFile(folder, size);
        Assert.Equal(Interop.IoEngine.Ok, Fill(file, size, 65536).Status);
        IoOutcome run = IoEngineRunner.Run(new IoRequest
        {
            Path = file, Size = size, BlockSize = 4096, QueueDepth = 8, Random = true, ReadPercent = 70, RunSeconds = 0.4, Slices = 4,
        }, CancellationToken.None);
        Assert.Equal(Interop.IoEngine.Ok, run.Status);
        Assert.Equal(4, run.CompleteSlices);
        foreach (IoDirectionResult d in new[] { run.Read, run.Write })
        {
            Assert.Equal(4, d.Slices.Count);
            Assert.Equal(d.Ios, d.Slices.Sum(s => s.Ios));
            Assert.Equal(d.Bytes, d.Slices.Sum(s => s.Bytes));
            Assert.Equal(d.Ios, LatencyHistogram.Count(d.Merged()));
            Assert.All(Enumerable.Range(0, 4), s => Assert.Equal(d.Slices[s].Ios, LatencyHistogram.Count(d.Histogram(s))));
        }

        Assert.InRange(run.Reads / (double)run.Ios, 0.65, 0.75);
    }

    [Fact]
    public void Verification_catches_a_corrupted_block_and_names_its_offset()
    {
        using var folder = new StorageTestFolder();
        const long size = 1 << 20;
        string file = NewFile(folder, size);
        Assert.Equal(Interop.IoEngine.Ok, Fill(file, size, 4096).Status);
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            stream.Position = (37 * 4096) + 100;
            stream.WriteByte(0x5A);
            stream.WriteByte(0xA5);
        }

        IoOutcome read = IoEngineRunner.Run(new IoRequest
        {
            Path = file, Size = size, BlockSize = 4096, QueueDepth = 4, ReadPercent = 100, Verify = true, IoLimit = 256,
        }, CancellationToken.None);
        Assert.Equal(Interop.IoEngine.Ok, read.Status);
        Assert.Equal(256, read.VerifyChecked);
        Assert.Equal(1, read.VerifyFailed);
        Assert.Equal(37 * 4096, read.FirstBadOffset);
    }

    [Fact]
    public void A_time_based_run_excludes_the_ramp_and_fills_every_slice()
    {
        using var folder = new StorageTestFolder();
        const long size = 4 << 20;
        string file = NewFile(folder, size);
        Assert.Equal(Interop.IoEngine.Ok, Fill(file, size, 65536).Status);
        IoOutcome run = IoEngineRunner.Run(new IoRequest
        {
            Path = file, Size = size, BlockSize = 4096, QueueDepth = 8, Random = true, RampSeconds = 0.1, RunSeconds = 0.4, Slices = 4,
        }, CancellationToken.None);
        Assert.Equal(Interop.IoEngine.Ok, run.Status);
        Assert.Equal(4, run.CompleteSlices);
        Assert.All(run.Read.Slices, s => Assert.True(s.Ios > 0));
        Assert.Equal(run.Ios, run.Read.Slices.Sum(s => s.Ios));
        Assert.Equal(run.Ios, LatencyHistogram.Count(run.Read.Merged()));
        Assert.Equal(0, run.Writes);
        Assert.InRange(run.Seconds, 0.39, 0.41);
    }

    [Fact]
    public void A_cancelled_run_stops_early()
    {
        using var folder = new StorageTestFolder();
        const long size = 4 << 20;
        string file = NewFile(folder, size);
        Assert.Equal(Interop.IoEngine.Ok, Fill(file, size, 65536).Status);
        // Cancelled from a thread of its own: a timer would wait for the thread pool, which parallel tests may starve.
        using var cancel = new CancellationTokenSource();
        var canceller = new Thread(() =>
        {
            Thread.Sleep(300);
            cancel.Cancel();
        }) { IsBackground = true };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        canceller.Start();
        IoOutcome run = IoEngineRunner.Run(new IoRequest
        {
            Path = file, Size = size, BlockSize = 4096, QueueDepth = 8, Random = true, RunSeconds = 30, Slices = 60,
        }, cancel.Token);
        canceller.Join();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
        Assert.True(run.Cancelled);
        Assert.InRange(run.CompleteSlices, 0, 19);
        Assert.True(run.Seconds < 10, run.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_missing_file_is_an_open_error()
    {
        IoOutcome run = IoEngineRunner.Run(new IoRequest { Path = "/nonexistent/aibench.dat", Size = 1 << 20, BlockSize = 4096, IoLimit = 1 }, CancellationToken.None);
        Assert.Equal(Interop.IoEngine.ErrorOpen, run.Status);
        Assert.Equal(2, run.ErrorErrno);
    }
}
