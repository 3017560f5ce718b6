using AiBench.Benchmarks.Storage;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Units;
using Xunit;

namespace AiBench.Tests.Storage;

public class StorageIoBenchmarkTests
{
    private static readonly SystemInfo ThisMachine = SystemInfoCollector.Collect();

    public static TheoryData<string> Workloads()
    {
        var data = new TheoryData<string>();
        foreach (string name in StorageWorkload.Names)
        {
            data.Add(name);
        }

        return data;
    }

    private static BenchmarkContext Context(Dictionary<string, string> settings, string? scratch = null)
    {
        BenchmarkCase c = Assert.Single(new StorageIoBenchmark().Parameters.Expand(settings));
        return new BenchmarkContext
        {
            Case = c, Policy = MeasurementPolicy.Quick, System = ThisMachine, ScratchDirectory = scratch ?? Path.GetTempPath(),
        };
    }

    private static Dictionary<string, string> Short(string target, string workload = "randread-4k-qd32") => new()
    {
        ["target"] = target, ["workload"] = workload, ["size"] = "32MiB", ["runtime"] = "0.5s", ["ramp"] = "0.1s",
    };

    private static Task<List<Measurement>> Run(BenchmarkContext context, CancellationToken token = default) =>
        new StorageIoBenchmark().RunAsync(context, token).ToListAsync(token).AsTask();

    [Fact]
    public void The_default_sweep_is_sequential_and_random_reads()
    {
        IReadOnlyList<BenchmarkCase> cases = new StorageIoBenchmark().Parameters.Expand(new Dictionary<string, string>());
        Assert.Equal(["seqread-1m-qd32", "randread-4k-qd32"], cases.Select(c => c.GetText("workload")));
        Assert.True(new StorageIoBenchmark().Probe(ThisMachine).IsReady, new StorageIoBenchmark().Probe(ThisMachine).ToString());
    }

    [Fact]
    public void Parameters_override_the_named_workload()
    {
        BenchmarkCase c = Assert.Single(new StorageIoBenchmark().Parameters.Expand(new Dictionary<string, string>
        {
            ["workload"] = "randread-4k-qd32", ["bs"] = "16k", ["qd"] = "8", ["jobs"] = "2", ["read"] = "50", ["pattern"] = "seq",
        }));
        StorageWorkload w = StorageIoBenchmark.Resolve(c);
        Assert.Equal((16384, 8, 2, false, 50), (w.BlockSize, w.QueueDepth, w.Jobs, w.Random, w.ReadPercent));
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public async Task Each_workload_runs_briefly_and_leaves_no_file(string workload)
    {
        using var folder = new StorageTestFolder();
        Dictionary<string, string> settings = Short(folder.Path, workload);
        settings["runtime"] = "0.3s";
        settings["verify"] = "true";
        List<Measurement> measurements = await Run(Context(settings));

        StorageWorkload w = StorageWorkload.Parse(workload);
        string[] directions = [.. StorageIoFigures.Directions(w).Select(StorageIoFigures.Label)];
        Assert.Equal(directions, measurements.Select(m => m.Labels["direction"]).Distinct());
        foreach (string direction in directions)
        {
            List<Measurement> own = measurements.Where(m => m.Labels["direction"] == direction).ToList();
            Measurement bandwidth = Assert.Single(own, m => m.Metric == "bandwidth");
            Measurement iops = Assert.Single(own, m => m.Metric == "iops");
            Assert.Equal(Unit.BytesPerSecond, bandwidth.Unit);
            Assert.Equal(Unit.OperationsPerSecond, iops.Unit);
            Assert.True(bandwidth.Value > 0 && iops.Value > 0);
            Assert.Equal(["p50", "p90", "p99", "p99.9", "p99.99", "mean", "max"],
                own.Where(m => m.Metric == "latency").Select(m => m.Labels["percentile"]));
            Assert.All(own.Where(m => m.Metric == "latency"), m => Assert.Equal(Direction.Lower, m.Better));
            Assert.Equal(w.BlockSize, bandwidth.Value / iops.Value, 3);

            // The headline is the whole measured interval: its own I/Os over its seconds, one sample.
            double seconds = double.Parse(iops.Info!["seconds"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(long.Parse(iops.Info["ios"], System.Globalization.CultureInfo.InvariantCulture) / seconds, iops.Value, 6);
            Assert.Single(iops.Samples);
            Assert.Contains(bandwidth.Info!["engine"], new[] { "io_uring", "libaio" });
            Assert.Equal(0, bandwidth.Correct!.Wrong);
            Assert.Single(own, m => m.Metric == StorageIoFigures.SliceIopsMetric);
        }

        if (w.Reads)
        {
            Assert.True(measurements[0].Correct!.Checked > 0);
        }

        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task A_mixed_run_reports_reads_and_writes_apart()
    {
        using var folder = new StorageTestFolder();
        List<Measurement> measurements = await Run(Context(Short(folder.Path, "randrw-4k-70-30-qd32")));
        Measurement reads = Assert.Single(measurements, m => m.Metric == "iops" && m.Labels["direction"] == "read");
        Measurement writes = Assert.Single(measurements, m => m.Metric == "iops" && m.Labels["direction"] == "write");
        Assert.InRange(reads.Value / (reads.Value + writes.Value), 0.65, 0.75);

        // Each direction's figures come from its own I/Os: its count over the interval, its own latency histogram.
        Assert.Equal(reads.Info!["reads"], reads.Info["ios"]);
        Assert.Equal(writes.Info!["writes"], writes.Info["ios"]);
        double P99(string direction) => Assert.Single(measurements, m =>
            m.Metric == "latency" && m.Labels["percentile"] == "p99" && m.Labels["direction"] == direction).Value;
        Assert.True(P99("read") > 0 && P99("write") > 0);
    }

    [Theory]
    [InlineData("io_uring")]
    [InlineData("libaio")]
    public async Task Mean_latency_times_iops_is_at_most_the_queue_depth(string engine)
    {
        // Little's law: mean latency × completion rate = the average number in flight, which the queue depth bounds.
        // A clat started before the I/O was handed over, or I/Os of the ramp counted in the sum, would exceed it.
        using var folder = new StorageTestFolder();
        Dictionary<string, string> settings = Short(folder.Path);
        settings["engine"] = engine;
        settings["jobs"] = "2";
        List<Measurement> measurements = await Run(Context(settings));
        double Latency(string percentile) => Assert.Single(measurements, m => m.Metric == "latency" && m.Labels["percentile"] == percentile).Value;
        double iops = Assert.Single(measurements, m => m.Metric == "iops").Value;

        double mean = Latency("mean");
        Assert.InRange(mean, 1e-9, Latency("max"));
        Assert.True(mean * iops <= 32 * 2 * 1.02, $"{engine}: mean {mean * 1e6:0.0} µs × {iops:0} IOPS = {mean * iops:0.0} in flight, above 64");
        Assert.True(mean * iops >= 1, $"{engine}: mean {mean * 1e6:0.0} µs × {iops:0} IOPS = {mean * iops:0.00} in flight");
    }

    [Fact]
    public async Task The_libaio_engine_is_recorded_when_chosen()
    {
        using var folder = new StorageTestFolder();
        Dictionary<string, string> settings = Short(folder.Path);
        settings["engine"] = "libaio";
        List<Measurement> measurements = await Run(Context(settings));
        Assert.NotEmpty(measurements);
        Assert.All(measurements, m => Assert.Equal("libaio", m.Info!["engine"]));
    }

    [Fact]
    public async Task Keep_leaves_the_file()
    {
        using var folder = new StorageTestFolder();
        Dictionary<string, string> settings = Short(folder.Path);
        settings["keep"] = "true";
        await Run(Context(settings));
        string file = Assert.Single(folder.Files());
        Assert.Equal(32 << 20, new FileInfo(file).Length);
    }

    [Fact]
    public async Task A_missing_target_is_bad_input()
    {
        var e = await Assert.ThrowsAsync<BadInputException>(() => Run(Context(Short("/nonexistent/aibench-target"))));
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_where_no_file_can_be_created_is_bad_input()
    {
        // procfs: a folder no one can create files in.
        await Assert.ThrowsAsync<BadInputException>(() => Run(Context(Short("/proc/self"))));
    }

    [SkippableFact]
    public async Task A_memory_file_system_could_not_run_and_names_it()
    {
        Skip.IfNot(Directory.Exists("/dev/shm"), "no /dev/shm on this machine");

        var e = await Assert.ThrowsAsync<CouldNotRunException>(() => Run(Context(Short("/dev/shm"))));
        Assert.Contains("tmpfs", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles("/dev/shm"), f => f.Contains("aibench-storage-io", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Not_enough_free_space_could_not_run()
    {
        using var folder = new StorageTestFolder();
        Dictionary<string, string> settings = Short(folder.Path);
        settings["size"] = "1000TiB";
        var e = await Assert.ThrowsAsync<CouldNotRunException>(() => Run(Context(settings)));
        Assert.Contains("free space", e.Message, StringComparison.Ordinal);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task An_existing_file_is_never_written_without_permission()
    {
        using var folder = new StorageTestFolder();
        string file = Path.Combine(folder.Path, "precious.dat");
        File.WriteAllBytes(file, new byte[1 << 20]);
        await Assert.ThrowsAsync<BadInputException>(() => Run(Context(Short(file, "randwrite-4k-qd32"))));
        Assert.All(File.ReadAllBytes(file), b => Assert.Equal(0, b));

        // Reads of an existing file are fine, and the file stays.
        List<Measurement> read = await Run(Context(Short(file, "randread-4k-qd32")));
        Assert.Contains(read, m => m.Metric == "iops");
        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task A_sparse_file_is_refused_for_reads_and_left_as_it_was()
    {
        // Reads of a hole are zeros from the file system, never the device: a truncated 256 MiB file gave 3.1 M IOPS
        // at a 60 ns median. The same file with its data written is measured.
        using var folder = new StorageTestFolder();
        string file = Path.Combine(folder.Path, "sparse.dat");
        File.WriteAllBytes(file, new byte[1 << 20]);
        // The first MiB written, the rest a hole (truncate(1) extends the file with ftruncate).
        ChildProcess.Result truncate = await ChildProcess.RunAsync(ChildProcess.StartInfo("truncate", ["-s", "32M", file]), TimeSpan.FromMinutes(1));
        Assert.True(truncate.ExitCode == 0, truncate.Output);

        var refused = await Assert.ThrowsAsync<BadInputException>(() => Run(Context(Short(file, "randread-4k-qd32"))));
        Assert.Contains($"hole at byte {1 << 20}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(32 << 20, new FileInfo(file).Length);

        File.WriteAllBytes(file, Enumerable.Repeat((byte)7, 32 << 20).ToArray());
        Assert.Contains(await Run(Context(Short(file, "randread-4k-qd32"))), m => m.Metric == "iops");
    }

    [SkippableFact]
    public async Task Block_devices_refuse_writes_without_allow_destructive_and_need_permission()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Environment.UserName == "root", "mknod needs root");

        using var folder = new StorageTestFolder();
        string node = Path.Combine(folder.Path, "fake-device");
        // A block device node of a device that does not exist: stat says block device, open fails.
        ChildProcess.Result mknod = await ChildProcess.RunAsync(ChildProcess.StartInfo("mknod", [node, "b", "259", "4000"]), TimeSpan.FromMinutes(1));
        Assert.True(mknod.ExitCode == 0, mknod.Output);

        var refused = await Assert.ThrowsAsync<BadInputException>(() => Run(Context(Short(node, "randwrite-4k-qd32"))));
        Assert.Contains("allow-destructive", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<CouldNotRunException>(() => Run(Context(Short(node, "randread-4k-qd32"))));
    }

    [Fact]
    public async Task Cancelling_returns_the_completed_slices_and_deletes_the_file()
    {
        using var folder = new StorageTestFolder();
        Dictionary<string, string> settings = Short(folder.Path);
        settings["runtime"] = "20s";
        settings["ramp"] = "0s";
        using var cancel = new CancellationTokenSource();
        var canceller = new Thread(() =>
        {
            Thread.Sleep(1500);
            cancel.Cancel();
        }) { IsBackground = true };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        canceller.Start();
        // The slices measured before the cancel come back as figures (the benchmark does not throw them away).
        List<Measurement> measurements = await new StorageIoBenchmark().RunAsync(Context(settings), cancel.Token).ToListAsync();

        canceller.Join();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), watch.Elapsed.ToString());
        Assert.NotEmpty(measurements);
        Assert.All(measurements, m => Assert.Equal("Cancelled", m.Info![InfoKeys.StopReason]));
        Assert.Empty(folder.Files());
    }
}
