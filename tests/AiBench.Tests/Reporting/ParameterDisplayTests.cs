using AiBench.Benchmarks.ObjectStorage;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Reporting.Markdown;
using AiBench.Reporting.Text;
using AiBench.Tests.Core;
using Xunit;

namespace AiBench.Tests.Reporting;

/// <summary>Reports read a parameter's kind and unit from run.json (1.1); older files fall back to guessing from names.</summary>
public class ParameterDisplayTests
{
    private static readonly IReadOnlyDictionary<string, ParameterValue> S3Case = new Dictionary<string, ParameterValue>
    {
        ["size"] = ParameterValue.Of("auto"),
        ["part-size"] = ParameterValue.Of(8 << 20),
        ["range"] = ParameterValue.Of(1 << 20),
        ["duration"] = ParameterValue.Of(30),
        ["segment"] = ParameterValue.Of(0.25),
        ["autoterm-tolerance"] = ParameterValue.Of(7.5),
        ["concurrency"] = ParameterValue.Of(8),
    };

    [Fact]
    public void Storage_s3_sizes_durations_and_percents_read_in_their_unit()
    {
        Run run = S3Run(described: true);
        string text = ParameterDisplay.Of(run).Params(run.Measurements[0]);

        Assert.Contains("part-size=8 MiB", text, StringComparison.Ordinal);
        Assert.Contains("range=1 MiB", text, StringComparison.Ordinal);
        Assert.Contains("duration=30 s", text, StringComparison.Ordinal);
        Assert.Contains("segment=250 ms", text, StringComparison.Ordinal);
        Assert.Contains("autoterm-tolerance=7.5%", text, StringComparison.Ordinal);
        Assert.Contains("concurrency=8", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resolved_value_follows_the_one_asked_for()
    {
        Run run = S3Run(described: true);
        Assert.Contains("size=auto (16 MiB)", ParameterDisplay.Of(run).Params(run.Measurements[0]), StringComparison.Ordinal);
        Assert.Contains("size=auto (16 MiB)", MarkdownSummaryExporter.Render(run), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_descriptions_only_names_that_look_like_sizes_are_sizes()
    {
        Run run = S3Run(described: false);
        string text = ParameterDisplay.Of(run).Params(run.Measurements[0]);
        Assert.Contains("part-size=8388608", text, StringComparison.Ordinal); // the 1.0 behaviour
        Assert.Contains("duration=30,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_reads_with_its_unit()
    {
        var rate = new ParameterDescription("rate", ParameterKind.Number, "1e9", "offered load") { Unit = "B/s" };
        Assert.Equal("2 GB/s", ParameterValueText.Format(rate, ParameterValue.Of(2e9)));
        Assert.Equal("auto", ParameterValueText.Format(rate, ParameterValue.Of("auto")));
    }

    [Fact]
    public void An_old_reference_run_loads_and_renders_its_sizes_by_name()
    {
        Run old = RunFile.Read(Path.Combine(RepoPaths.Root, "results", "reference", "2026-11-26-h100-sxm5-80gb", "nccl-allreduce"));
        Assert.Empty(old.Benchmarks);
        string summary = MarkdownSummaryExporter.Render(old);
        Assert.Contains("bytes=512 MiB", summary, StringComparison.Ordinal);
    }

    private static Run S3Run(bool described) => RunFileTests.SampleRun() with
    {
        Benchmarks = described
            ? new Dictionary<string, BenchmarkDescription> { ["storage.s3"] = BenchmarkDescription.Of(new StorageS3Benchmark()) }
            : new Dictionary<string, BenchmarkDescription>(),
        Measurements =
        [
            new Measurement
            {
                Benchmark = "storage.s3", Metric = "throughput", Unit = "B/s", Better = Direction.Higher,
                Params = S3Case, Samples = [1e9],
                Resolved = new Dictionary<string, ParameterValue> { ["size"] = ParameterValue.Of(16 << 20) },
            },
        ],
    };
}
