using System.Globalization;
using AiBench.Benchmarks.AiStorage;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Tests.Faults;
using AiBench.Tests.Storage;
using Xunit;

namespace AiBench.Tests.AiStorage;

/// <summary>storage.dataset on real files: written once and reused, read whole in random order, verified, the cache guarded.</summary>
public class DatasetBenchmarkTests
{
    private static BenchmarkContext Context(Dictionary<string, string> settings, string scratch) =>
        InProcessRun.Context(new DatasetBenchmark(), settings, scratch);

    private static Task<List<Measurement>> Run(BenchmarkContext context) => InProcessRun.Figures(new DatasetBenchmark(), context);

    private static Dictionary<string, string> Small(string? folder = null, string cache = "fadvise")
    {
        var settings = new Dictionary<string, string>
        {
            ["shape"] = "custom", ["files"] = "24", ["file-size"] = "1MiB", ["readers"] = "3", ["request"] = "256KiB", ["epochs"] = "2", ["cache"] = cache,
        };
        if (folder is not null)
        {
            settings["folder"] = folder;
        }

        return settings;
    }

    [Fact]
    public async Task Every_epoch_reads_every_file_intact_and_a_scratch_dataset_is_removed()
    {
        using var scratch = new StorageTestFolder();
        List<Measurement> figures = await Run(Context(Small(), scratch.Path));

        Assert.Equal(["bandwidth", "samples_per_second", "read_latency", "read_latency", "read_latency"], figures.Select(m => m.Metric));
        Measurement bandwidth = figures[0];
        Assert.Equal(2, bandwidth.Samples.Count);
        Assert.Null(bandwidth.Invalid);
        Assert.Equal("0", bandwidth.Info!["cachedAtEpochStart"]);
        Assert.False(bandwidth.Info.ContainsKey("datasetKeptAt"));
        Assert.Equal(new Correctness(2 * 24 * 256, 0), bandwidth.Correct);
        // One sample per file here: samples/s is files over the same time the bytes were read in.
        Assert.Equal(bandwidth.Samples[0] / (1 << 20), figures[1].Samples[0], 6);
        Assert.Equal(["p50", "p99", "max"], figures.Skip(2).Select(m => m.Labels["percentile"]));
        Assert.Empty(Directory.GetFileSystemEntries(scratch.Path));
    }

    [Fact]
    public async Task A_dataset_in_a_named_folder_is_written_once_and_reused()
    {
        using var folder = new StorageTestFolder();
        List<Measurement> first = await Run(Context(Small(folder.Path), folder.Path));
        List<Measurement> second = await Run(Context(Small(folder.Path), folder.Path));

        Assert.Equal("false", first[0].Info!["datasetReused"]);
        Assert.Equal("true", second[0].Info!["datasetReused"]);
        Assert.Equal(0, second[0].Correct!.Wrong);
        string dataset = Assert.Single(Directory.GetDirectories(folder.Path));
        Assert.Equal(dataset, second[0].Info!["datasetKeptAt"]);
        Assert.Equal(25, Directory.GetFiles(dataset).Length); // 24 files and the marker
    }

    [Fact]
    public async Task Runs_that_start_together_on_one_folder_each_read_a_complete_dataset_and_leave_one()
    {
        // As one run per node does on a shared file system: none writes into another's dataset or removes it.
        using var folder = new StorageTestFolder();
        List<Measurement>[] runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Run(Context(Small(folder.Path), folder.Path)))));

        Assert.All(runs, figures => Assert.Equal(new Correctness(2 * 24 * 256, 0), figures[0].Correct));
        string dataset = Assert.Single(Directory.GetDirectories(folder.Path));
        Assert.Equal(25, Directory.GetFiles(dataset).Length);
        Assert.Single(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task A_folder_of_the_same_name_that_is_not_a_complete_dataset_is_refused_and_left_as_it_is()
    {
        using var folder = new StorageTestFolder();
        string foreign = Directory.CreateDirectory(Path.Combine(folder.Path, $"aibench-dataset-24x{1 << 20}")).FullName;
        File.WriteAllText(Path.Combine(foreign, "file-0000000.bin"), "someone's data");

        CouldNotRunException e = await Assert.ThrowsAsync<CouldNotRunException>(() => Run(Context(Small(folder.Path), folder.Path)));
        Assert.Contains("not a complete AiBench dataset", e.Message, StringComparison.Ordinal);
        Assert.Equal("someone's data", File.ReadAllText(Path.Combine(foreign, "file-0000000.bin")));
        Assert.Single(Directory.GetFiles(foreign));
    }

    [Fact]
    public async Task A_changed_byte_in_a_kept_dataset_is_counted_wrong()
    {
        using var folder = new StorageTestFolder();
        await Run(Context(Small(folder.Path), folder.Path));
        string file = Path.Combine(Assert.Single(Directory.GetDirectories(folder.Path)), "file-0000005.bin");
        using (FileStream stream = File.OpenWrite(file))
        {
            stream.Position = 300_000;
            stream.WriteByte(0x5A);
        }

        List<Measurement> figures = await Run(Context(Small(folder.Path), folder.Path));
        Assert.Equal(2, figures[0].Correct!.Wrong); // one chunk, read in each of 2 epochs
    }

    [Fact]
    public async Task A_small_dataset_with_nothing_keeping_it_out_of_the_cache_is_not_a_valid_figure()
    {
        using var scratch = new StorageTestFolder();
        List<Measurement> figures = await Run(Context(Small(cache: "none"), scratch.Path));
        Assert.All(figures, m => Assert.NotNull(m.Invalid));
        Assert.Contains("page cache", figures[0].Invalid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_shape_says_how_many_emulated_accelerators_its_rate_feeds()
    {
        using var scratch = new StorageTestFolder();
        var settings = new Dictionary<string, string> { ["shape"] = "cosmoflow", ["files"] = "16", ["epochs"] = "1" };
        List<Measurement> figures = await Run(Context(settings, scratch.Path));

        Measurement samples = figures.Single(m => m.Metric == "samples_per_second");
        Measurement fed = figures.Single(m => m.Metric == "accelerators_fed");
        Assert.Equal(samples.Samples[0] * 0.00350 / (1 * 0.70), fed.Samples[0], 6);
        Assert.Equal((2_828_486 / 4096 * 4096).ToString(CultureInfo.InvariantCulture), fed.Info!["fileBytes"]);
        Assert.Equal("4", fed.Info["readers"]);
        Assert.Equal(ParameterValue.Of(4), fed.Resolved!["readers"]); // what auto became is kept
    }

    [MountFact]
    public async Task On_a_loop_mounted_ext4_with_direct_io_the_dataset_is_read_intact_and_stays_for_the_next_run()
    {
        using TestMount mount = TestMount.SmallExt4(96L << 20);
        List<Measurement> figures = await Run(Context(Small(mount.Path, cache: "direct"), mount.Path));
        Assert.Null(figures[0].Invalid);
        Assert.Equal("0", figures[0].Info!["cachedAtEpochStart"]);
        Assert.Equal(0, figures[0].Correct!.Wrong);
        Assert.Equal(25, mount.Files().Count(f => f.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)));
    }
}
