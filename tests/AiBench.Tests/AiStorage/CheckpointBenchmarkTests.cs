using AiBench.Benchmarks.AiStorage;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Running;
using AiBench.Core.Suites;
using AiBench.Tests.Faults;
using AiBench.Tests.Storage;
using Xunit;

namespace AiBench.Tests.AiStorage;

/// <summary>storage.checkpoint on real files: written, fsync'ed, dropped from the page cache, read back, verified, removed.</summary>
public class CheckpointBenchmarkTests
{
    private static BenchmarkContext Context(Dictionary<string, string> settings, string scratch) =>
        InProcessRun.Context(new CheckpointBenchmark(), settings, scratch);

    private static Task<List<Measurement>> Run(BenchmarkContext context) => InProcessRun.Figures(new CheckpointBenchmark(), context);

    private static Dictionary<string, string> Small(string folder, string cache = "fadvise") => new()
    {
        ["folder"] = folder, ["size"] = "24MiB", ["writers"] = "3", ["request"] = "1MiB", ["checkpoints"] = "2", ["cache"] = cache,
    };

    [Fact]
    public async Task A_checkpoint_is_written_dropped_from_the_cache_read_back_intact_and_removed()
    {
        using var folder = new StorageTestFolder();
        List<Measurement> figures = await Run(Context(Small(folder.Path), folder.Path));

        Assert.Equal(
            ["write_bandwidth", "write_time", "slowest_writer_bandwidth", "restore_bandwidth", "restore_time", "slowest_reader_bandwidth"],
            figures.Select(m => m.Metric));
        Assert.All(figures, m =>
        {
            Assert.Equal(2, m.Samples.Count);
            Assert.All(m.Samples, s => Assert.True(s > 0, $"{m.Metric}: {s}"));
            Assert.Null(m.Invalid);
            Assert.Equal((24L << 20).ToString(System.Globalization.CultureInfo.InvariantCulture), m.Info!["bytes"]);
            Assert.Equal("0", m.Info["cachedBeforeRestore"]);
        });
        Measurement restore = figures.Single(m => m.Metric == "restore_bandwidth");
        Assert.Equal(new Correctness(2 * (24L << 20) / 4096, 0), restore.Correct);
        // Throughput is bytes over wall time, so it and the time agree exactly; the slowest writer is at most the whole.
        Measurement write = figures.Single(m => m.Metric == "write_bandwidth");
        Measurement time = figures.Single(m => m.Metric == "write_time");
        Assert.Equal((24L << 20) / time.Samples[0], write.Samples[0], 6);
        Assert.Contains("slowest: rank 0 on", figures.Single(m => m.Metric == "slowest_writer_bandwidth").Info!["method"], StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task A_restore_the_page_cache_could_answer_is_invalid_and_fails_every_suite()
    {
        using var folder = new StorageTestFolder();
        List<Measurement> figures = await Run(Context(Small(folder.Path, cache: "none"), folder.Path));

        Measurement restore = figures.Single(m => m.Metric == "restore_bandwidth");
        Assert.NotNull(restore.Invalid);
        Assert.Contains("in the page cache when the restore began (cache=none)", restore.Invalid, StringComparison.Ordinal);
        Assert.True(double.Parse(restore.Info!["cachedBeforeRestore"], System.Globalization.CultureInfo.InvariantCulture) > 0.5);
        Assert.Null(figures.Single(m => m.Metric == "write_bandwidth").Invalid);

        // With no rule at all, the invalid figure still fails its suite entry.
        var entry = new PlannedBenchmark(new CheckpointBenchmark(), [], Required: true, Rules: []);
        Measurement judged = RuleEvaluator.Apply(entry, [restore], new RuleContext(ReferenceRun: null), []).Single();
        Assert.Equal(VerdictStatus.Fail, judged.Verdict!.Status);
        Assert.Contains(RuleEvaluator.ValidityRule, judged.Verdict.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Direct_io_never_fills_the_cache()
    {
        using var folder = new StorageTestFolder();
        List<Measurement> figures = await Run(Context(Small(folder.Path, cache: "direct"), folder.Path));
        Assert.All(figures, m => Assert.Null(m.Invalid));
        Assert.Equal("0", figures[0].Info!["cachedBeforeRestore"]);
        Assert.Equal(0, figures.Single(m => m.Metric == "restore_time").Correct!.Wrong);
    }

    [Fact]
    public async Task A_folder_in_memory_is_refused_and_nothing_is_written()
    {
        if (!Directory.Exists("/dev/shm"))
        {
            throw new Xunit.SkipException("no /dev/shm on this machine");
        }

        CouldNotRunException e = await Assert.ThrowsAsync<CouldNotRunException>(() => Run(Context(Small("/dev/shm"), "/dev/shm")));
        Assert.Contains("tmpfs", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetDirectories("/dev/shm"), d => Path.GetFileName(d).StartsWith("aibench-checkpoint", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_checkpoint_larger_than_the_free_space_is_refused_before_writing()
    {
        using var folder = new StorageTestFolder();
        var settings = Small(folder.Path);
        settings.Remove("size");
        settings["model"] = "llama3-1t";
        settings["gpus"] = "1024";
        CouldNotRunException e = await Assert.ThrowsAsync<CouldNotRunException>(() => Run(Context(settings, folder.Path)));
        Assert.Contains("not enough free space", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData("llama3-8b", "auto", 105_000_000_000L)]
    [InlineData("llama3-70b", "auto", 114_000_000_000L)]
    [InlineData("llama3-405b", "8", 82_656_250_000L)]
    [InlineData("llama3-1t", "1024", 18_000_000_000_000L)]
    public void A_model_checkpoint_is_the_share_of_its_gpus(string model, string gpus, long bytes)
    {
        BenchmarkCase c = Assert.Single(new CheckpointBenchmark().Parameters.Expand(new Dictionary<string, string> { ["model"] = model, ["gpus"] = gpus }));
        Assert.Equal(bytes, CheckpointSettings.From(c, ranks: 1, "/var/tmp").TotalBytes);
    }

    [MountFact]
    public async Task On_a_loop_mounted_ext4_with_the_whole_cache_dropped_the_checkpoint_reads_back_intact()
    {
        using TestMount mount = TestMount.SmallExt4(128L << 20);
        List<Measurement> figures = await Run(Context(Small(mount.Path, cache: "drop-all"), mount.Path));
        Measurement restore = figures.Single(m => m.Metric == "restore_bandwidth");
        Assert.Null(restore.Invalid);
        Assert.Equal("0", restore.Info!["cachedBeforeRestore"]);
        Assert.Equal(0, restore.Correct!.Wrong);
        Assert.Empty(mount.Files());
    }
}
