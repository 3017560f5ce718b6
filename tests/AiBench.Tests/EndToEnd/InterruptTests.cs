using System.Text.Json.Nodes;
using Xunit;

namespace AiBench.Tests.EndToEnd;

/// <summary>
/// Ctrl-C (SIGINT) mid-run ends the run with exit 130 and a partial run.json that keeps the finished cases and the
/// samples of the case in progress; SIGKILL leaves no empty run folder behind.
/// </summary>
public class InterruptTests
{
    private static readonly string[] FourCases =
        ["run", "cpu.memory", "--out", "results", "--set", "size=16MiB", "--set", "kernel=copy,scale,add,triad", "--budget", "2s", "--max-samples", "100000", "--target-ci", "0"];

    [Fact]
    public async Task Sigint_writes_partial_results_and_exits_130()
    {
        string work = Directory.CreateTempSubdirectory("aibench-int").FullName;
        using RunningCli cli = RunningCli.Start(work, null, FourCases);
        await cli.WaitForStderrLineAsync("[2/4]", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        await cli.SignalAsync("INT");

        CliProcess.Result result = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 130, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        JsonNode run = JsonNode.Parse(File.ReadAllText(Path.Combine(Assert.Single(Directory.GetDirectories(Path.Combine(work, "results"))), "run.json")))!;
        Assert.Equal("partial", (string?)run["status"]);
        Assert.Contains(run["measurements"]!.AsArray(), m => (string?)m!["metric"] == "copy");
        JsonNode interruptedCase = Assert.Single(run["measurements"]!.AsArray(), m => (string?)m!["metric"] == "scale")!;
        Assert.NotEmpty(interruptedCase["samples"]!.AsArray());
        Assert.Equal("Cancelled", (string?)interruptedCase["info"]!["stopReason"]);
        Assert.Contains(run["errors"]!.AsArray(), e => (string?)e!["kind"] == "interrupted");
        Assert.DoesNotContain(run["measurements"]!.AsArray(), m => (string?)m!["metric"] == "add");
    }

    [Fact]
    public async Task Sigkill_leaves_no_run_folder_behind()
    {
        string work = Directory.CreateTempSubdirectory("aibench-kill").FullName;
        using RunningCli cli = RunningCli.Start(work, null, FourCases);
        await cli.WaitForStderrLineAsync("[1/4]", TimeSpan.FromSeconds(60));
        await cli.SignalAsync("KILL");

        CliProcess.Result result = await cli.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(128 + 9, result.ExitCode);
        // The results root was checked for writing at the start; a run folder only appears when the run is written.
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(work, "results")));
    }
}
