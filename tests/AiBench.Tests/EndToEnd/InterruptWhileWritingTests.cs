using AiBench.Tests.Gates;
using AiBench.Tests.Reporting;
using Xunit;

namespace AiBench.Tests.EndToEnd;

/// <summary>
/// Ctrl-C while merge or report writes: the process was ended at once (exit 130, nothing said), leaving an atomic
/// writer's temp file (.summary.md.PID-….tmp) and a fleet folder with half its files. Now the files in hand are
/// finished first: whenever the signal lands, no temp file is left and a fleet folder that exists is whole (issue #10).
/// </summary>
public class InterruptWhileWritingTests
{
    private static readonly string[] FleetFiles = ["cluster.json", "fleet.json", "fleet.md", "summary.md", "report.html", "junit.xml"];

    [Theory]
    [InlineData("merge")]
    [InlineData("report")]
    public async Task A_signal_at_any_moment_leaves_no_temp_file_and_no_half_written_folder(string verb)
    {
        using var work = new TempDirectory();
        var runs = Enumerable.Range(0, 3).Select(i => SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures($"node{i}", i, 100e9 * (1 + (0.01 * i)), 1e-6, seed: i + 1))).ToList();
        for (double delay = 0.2; delay <= 2.0; delay += 0.2)
        {
            string fleet = work.File($"fleet-{delay:0.0}");
            string[] args = verb == "merge" ? ["merge", .. runs, "--out", fleet] : ["report", .. runs];
            using RunningCli cli = RunningCli.Start(work.Path, null, args);
            await Task.Delay(TimeSpan.FromSeconds(delay));
            await cli.SignalAsync("INT");
            CliProcess.Result result = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));

            string context = $"{verb}, signal after {delay:0.0} s: exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}";
            Assert.True(result.ExitCode is 0 or 1 or 130, context);
            Assert.Empty(Directory.GetFiles(work.Path, "*.tmp", SearchOption.AllDirectories));
            foreach (string folder in Directory.Exists(fleet) ? Directory.GetDirectories(fleet) : [])
            {
                Assert.All(FleetFiles, f => Assert.True(File.Exists(Path.Combine(folder, f)), $"{f} missing in {folder}; {context}"));
            }

            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        }
    }
}
