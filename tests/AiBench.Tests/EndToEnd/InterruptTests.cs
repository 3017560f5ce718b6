using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;

namespace AiBench.Tests.EndToEnd;

/// <summary>Ctrl-C (SIGINT) mid-run ends the run with exit 130 and a partial run.json that keeps finished cases.</summary>
public class InterruptTests
{
    [Fact]
    public async Task Sigint_writes_partial_results_and_exits_130()
    {
        string work = Directory.CreateTempSubdirectory("aibench-int").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "aibench.dll"), "run", "cpu.memory", "--out", "results",
                     "--set", "size=16MiB", "--set", "kernel=copy,scale,add,triad", "--budget", "2s", "--max-samples", "100000", "--target-ci", "0" })
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new System.Text.StringBuilder();
        var secondCase = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }

            if (e.Data?.StartsWith("[2/4]", StringComparison.Ordinal) == true)
            {
                secondCase.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        Assert.True(await Task.WhenAny(secondCase.Task, Task.Delay(TimeSpan.FromSeconds(60))) == secondCase.Task, "the second case never started");

        using (Process kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{await stdout}\n{stderr}");

        JsonNode run = JsonNode.Parse(File.ReadAllText(Path.Combine(Assert.Single(Directory.GetDirectories(Path.Combine(work, "results"))), "run.json")))!;
        Assert.Equal("partial", (string?)run["status"]);
        Assert.Contains(run["measurements"]!.AsArray(), m => (string?)m!["metric"] == "copy");
        Assert.Contains(run["errors"]!.AsArray(), e => (string?)e!["kind"] == "interrupted");
    }
}
