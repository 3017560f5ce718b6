using AiBench.Core.Hosts;
using AiBench.Core.Results;
using AiBench.Tests.Core;
using Xunit;

namespace AiBench.Tests.EndToEnd;

public class MergeCommandTests
{
    [Fact]
    public void Merge_names_the_slow_node_and_exits_1()
    {
        string work = Directory.CreateTempSubdirectory("aibench-merge").FullName;
        double[] triad = [2.97e12, 2.96e12, 2.98e12, 2.30e12];
        var folders = new List<string>();
        for (int i = 0; i < triad.Length; i++)
        {
            string folder = Path.Combine(work, $"node{i}");
            Directory.CreateDirectory(folder);
            RunFile.Write(Node($"node{i}", triad[i]), Path.Combine(folder, "run.json"));
            folders.Add(folder);
        }

        CliProcess.Result result = CliProcess.Run(work, ["merge", .. folders, "--out", "fleet"]);
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("node3", result.Stdout, StringComparison.Ordinal);
        string report = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(work, "fleet"), "fleet.md", SearchOption.AllDirectories)));
        Assert.Contains("| node3 |", report, StringComparison.Ordinal);

        CliProcess.Result healthy = CliProcess.Run(work, ["merge", .. folders.Take(3), "--out", "fleet"]);
        Assert.Equal(0, healthy.ExitCode);
    }

    private static Run Node(string host, double value) => RunFileTests.SampleRun() with
    {
        RunId = $"run-{host}",
        Verdict = VerdictStatus.Pass,
        System = SystemInfo.Unknown with { Host = host },
        Measurements =
        [
            new Measurement
            {
                Benchmark = "gpu.memory", Metric = "triad", Unit = "B/s", Better = Direction.Higher,
                Labels = new Dictionary<string, string> { ["device"] = "0" }, Samples = [value, value * 1.001],
                Stats = AiBench.Core.Statistics.SampleStatisticsEstimator.Estimate([value, value * 1.001]),
            },
        ],
    };
}
