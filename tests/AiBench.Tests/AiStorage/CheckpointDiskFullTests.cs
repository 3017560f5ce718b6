using AiBench.Benchmarks.AiStorage;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Results;
using AiBench.Tests.Faults;
using Xunit;

namespace AiBench.Tests.AiStorage;

/// <summary>
/// storage.checkpoint on a small loop-mounted ext4 that another writer fills while the run goes on: the case ends as
/// could-not-run naming the full disk, the checkpoints completed before it are kept as figures, and no shard is left
/// behind, while the other writer's file is untouched.
/// </summary>
public class CheckpointDiskFullTests
{
    [MountFact]
    public async Task A_disk_that_fills_between_checkpoints_keeps_the_completed_ones_and_leaves_no_shard()
    {
        using TestMount mount = TestMount.SmallExt4(96L << 20);
        var settings = new Dictionary<string, string>
        {
            ["folder"] = mount.Path, ["size"] = "24MiB", ["writers"] = "3", ["request"] = "1MiB", ["checkpoints"] = "3", ["cache"] = "fadvise",
        };
        var benchmark = new CheckpointBenchmark();

        // The second checkpoint is announced on the benchmark's own thread just before it writes: fill the disk there.
        var fillBeforeSecond = new FillOn("checkpoint 2/", mount);
        BenchmarkContext context = InProcessRun.Context(benchmark, settings, mount.Path, fillBeforeSecond);

        var figures = new List<Measurement>();
        CouldNotRunException fault = await Assert.ThrowsAsync<CouldNotRunException>(async () =>
        {
            await foreach (Measurement m in benchmark.RunAsync(context, CancellationToken.None))
            {
                figures.Add(m);
            }
        });

        Assert.True(fillBeforeSecond.Filled, "the disk was never filled: the progress line changed");
        Assert.Contains(figures, m => m.Metric == "write_bandwidth");
        Assert.All(figures, m => Assert.Single(m.Samples)); // the first checkpoint only
        Assert.False(string.IsNullOrWhiteSpace(fault.Message));
        Assert.DoesNotContain('\n', fault.Message);
        Assert.Empty(mount.Files()); // no shard, no checkpoint folder
        Assert.True(File.Exists(Path.Combine(mount.Path, "fill")), "the other writer's file was removed");
    }

    private sealed class FillOn(string prefix, TestMount mount) : IProgress<string>
    {
        public bool Filled { get; private set; }

        public void Report(string value)
        {
            if (!Filled && value.StartsWith(prefix, StringComparison.Ordinal))
            {
                mount.Fill();
                Filled = true;
            }
        }
    }
}
