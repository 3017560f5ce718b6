using AiBench.Core.Results;
using AiBench.Tests.EndToEnd;
using Xunit;

namespace AiBench.Tests.Faults;

/// <summary>
/// The results folder fails while a run is measuring: the disk fills, or the folder turns read-only. The run ends with
/// exit 3, names where its figures went (a rescue folder under <c>$TMPDIR</c>) and leaves no temp file or empty run
/// folder on the broken disk. A real file system in each case: a loop-mounted ext4 and a bind mount remounted read-only.
/// </summary>
public sealed class ResultsDiskFaultTests
{
    private static readonly string[] OneCase =
        ["run", "cpu.memory", "--set", "size=16MiB", "--set", "kernel=triad", "--budget", "3s", "--max-samples", "100000", "--target-ci", "0"];

    [MountFact]
    public async Task A_disk_that_fills_during_the_run_keeps_every_figure_and_exits_3()
    {
        using TestMount disk = TestMount.SmallExt4(8 << 20);
        await RunBreakingTheDisk(disk, disk.Fill);
    }

    [MountFact]
    public async Task A_folder_turned_read_only_during_the_run_keeps_every_figure_and_exits_3()
    {
        using TestMount disk = TestMount.Bind();
        await RunBreakingTheDisk(disk, disk.RemountReadOnly);
    }

    [MountFact]
    public void The_atomic_writer_leaves_no_temp_file_on_a_full_disk()
    {
        using TestMount disk = TestMount.SmallExt4(8 << 20);
        disk.Fill();
        string target = Path.Combine(disk.Path, "run.json");

        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllBytes(target, new byte[1 << 20]));
        Assert.Empty(disk.Files());
    }

    [Fact]
    public async Task A_results_folder_removed_during_the_run_is_created_again()
    {
        string work = Directory.CreateTempSubdirectory("aibench-removed").FullName;
        using RunningCli cli = RunningCli.Start(work, null, [.. OneCase, "--out", "results"]);
        await cli.WaitForStderrLineAsync("[1/1]", TimeSpan.FromSeconds(60));
        Directory.Delete(Path.Combine(work, "results"), recursive: true);

        CliProcess.Result result = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        Run run = RunFile.Read(Assert.Single(Directory.GetDirectories(Path.Combine(work, "results"))));
        Assert.NotEmpty(Assert.Single(run.Measurements).Samples);
    }

    private static async Task RunBreakingTheDisk(TestMount disk, Action breakIt)
    {
        string temp = Directory.CreateTempSubdirectory("aibench-rescue").FullName;
        try
        {
            using RunningCli cli = RunningCli.Start(disk.Path, new Dictionary<string, string?> { ["TMPDIR"] = temp }, [.. OneCase, "--out", "results"]);
            await cli.WaitForStderrLineAsync("[1/1]", TimeSpan.FromSeconds(60));
            breakIt();

            CliProcess.Result result = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(result.ExitCode == 3, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
            string rescue = Assert.Single(Directory.GetDirectories(temp, "aibench-rescued-*"));
            Assert.Contains(rescue, result.Stderr, StringComparison.Ordinal);
            Measurement triad = Assert.Single(RunFile.Read(rescue).Measurements);
            Assert.Equal("triad", triad.Metric);
            Assert.NotEmpty(triad.Samples);
            // Only the (empty) results root the run checked at its start: no run folder, no temp file.
            Assert.Equal(["results"], disk.Files());
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
