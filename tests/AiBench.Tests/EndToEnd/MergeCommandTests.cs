using System.Text.Json.Nodes;
using System.Xml.Linq;
using AiBench.Core.Cluster;
using AiBench.Core.Hosts;
using AiBench.Core.Results;
using AiBench.Reporting.Cluster;
using AiBench.Tests.Core;
using AiBench.Tests.Reporting.Cluster;
using Xunit;

namespace AiBench.Tests.EndToEnd;

public class MergeCommandTests
{
    [Fact]
    public void Merge_names_the_slow_node_and_exits_1()
    {
        using var work = new Reporting.TempDirectory();
        double[] triad = [2.97e12, 2.96e12, 2.98e12, 2.30e12];
        var folders = triad.Select((value, i) => WriteRun(work.Path, $"node{i}", Node($"node{i}", "gpu.memory", value))).ToList();

        CliProcess.Result result = CliProcess.Run(work.Path, ["merge", .. folders, "--out", "fleet"]);
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("node3", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("gpu.memory triad", result.Stdout, StringComparison.Ordinal);
        string report = File.ReadAllText(Assert.Single(Directory.GetFiles(work.File("fleet"), "fleet.md", SearchOption.AllDirectories)));
        Assert.Contains("| node3 |", report, StringComparison.Ordinal);

        CliProcess.Result healthy = CliProcess.Run(work.Path, ["merge", .. folders.Take(3), "--out", "fleet"]);
        Assert.True(healthy.ExitCode == 0, $"exit {healthy.ExitCode}\n{healthy.Stdout}\n{healthy.Stderr}");
    }

    [Fact]
    public void A_node_with_a_30_percent_slower_triad_among_three_identical_ones_is_flagged_with_a_cluster_report()
    {
        using var work = new Reporting.TempDirectory();
        double[] triad = [120e9, 120e9, 120e9, 84e9];
        var folders = triad.Select((value, i) => WriteRun(work.Path, $"node{i}", Node($"node{i}", "cpu.memory", value))).ToList();

        CliProcess.Result result = CliProcess.Run(work.Path, ["merge", .. folders, "--out", "fleet"]);
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");

        // The console: an outlier table row (node, figure, value, median, ratio, robust z) and one closing line naming report.html.
        string row = Assert.Single(result.Stdout.Split('\n'), l => l.Contains("node3", StringComparison.Ordinal) && l.Contains("cpu.memory triad", StringComparison.Ordinal));
        Assert.Contains("84.04 GB/s", row, StringComparison.Ordinal);
        Assert.Contains("120.1 GB/s", row, StringComparison.Ordinal);
        Assert.Contains("0.70", row, StringComparison.Ordinal);
        string closing = result.Stdout.TrimEnd().Split('\n')[^1];
        Assert.Contains("1 outlier node(s), verdict fail; report: ", closing, StringComparison.Ordinal);
        string folder = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(work.Path, closing[(closing.IndexOf("report: ", StringComparison.Ordinal) + 8)..].Trim())))!;
        Assert.True(File.Exists(Path.Combine(folder, "report.html")), closing);

        ClusterResult cluster = ClusterFile.Read(folder);
        ClusterFinding first = cluster.Findings[0];
        Assert.Equal((ClusterSubjectKind.Node, "node3", FindingCategory.FleetOutlier), (first.Kind, first.Subject, first.Category));
        Assert.Equal(0.70, first.Ratio!.Value, 3);
        Assert.Equal(["pass", "pass", "pass", "fail"], cluster.Nodes.Select(n => AiBench.Reporting.Text.EnumText.Of(n.Verdict)));
        Assert.Equal("../../node0", cluster.Nodes[0].RunFolder);
        ClusterSchema.AssertValid(JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ClusterFile.FileName)))!);

        Assert.StartsWith("# FAIL: 1 of 4 nodes failed", File.ReadAllText(Path.Combine(folder, "summary.md")), StringComparison.Ordinal);
        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("node3 · cpu.memory triad: 0.70 × the fleet median", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        XElement suite = XDocument.Load(Path.Combine(folder, "junit.xml")).Root!.Element("testsuite")!;
        Assert.Equal(["node:node3"], suite.Elements("testcase").Where(c => c.Element("failure") is not null).Select(c => (string)c.Attribute("name")!));
        Assert.True(File.Exists(Path.Combine(folder, "fleet.json")));
    }

    [Fact]
    public void The_same_run_folder_twice_is_refused_not_merged_as_two_nodes()
    {
        using var work = new Reporting.TempDirectory();
        var folders = Enumerable.Range(0, 3).Select(i => WriteRun(work.Path, $"node{i}", Node($"node{i}", "cpu.memory", 120e9))).ToList();

        CliProcess.Result result = CliProcess.Run(work.Path, ["merge", .. folders, folders[1], "--out", "fleet"]);
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("is given twice", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(work.File("fleet")));
    }

    [Fact]
    public void Runs_that_share_no_figure_are_refused_they_merged_as_a_pass_of_nothing()
    {
        using var work = new Reporting.TempDirectory();
        string[] benchmarks = ["cpu.memory", "cpu.gemm", "storage.io"];
        var folders = benchmarks.Select((b, i) => WriteRun(work.Path, $"node{i}", Node($"node{i}", b, 120e9))).ToList();

        CliProcess.Result result = CliProcess.Run(work.Path, ["merge", .. folders, "--out", "fleet"]);
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("share no figure", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(work.File("fleet")));
    }

    [Fact]
    public void Two_runs_with_one_host_name_but_different_machine_ids_are_two_nodes()
    {
        using var work = new Reporting.TempDirectory();
        string[] machineIds = ["aaaaaaaa11112222333344445555666f", "bbbbbbbb11112222333344445555666f", "cccccccc11112222333344445555666f"];
        var folders = machineIds.Select((id, i) => WriteRun(work.Path, $"run{i}", Node("container", "cpu.memory", 120e9) with
        {
            RunId = $"run-{i}",
            System = SystemInfo.Unknown with { Host = i < 2 ? "container" : "other", MachineId = id },
        })).ToList();

        CliProcess.Result result = CliProcess.Run(work.Path, ["merge", .. folders, "--out", "fleet"]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        ClusterResult cluster = ClusterFile.Read(Assert.Single(Directory.GetDirectories(work.File("fleet"))));
        Assert.Equal(["container-aaaaaaaa", "container-bbbbbbbb", "other"], cluster.Nodes.Select(n => n.Identity.Name));
        Assert.Equal(["container", "container", "other"], cluster.Nodes.Select(n => n.Identity.Host));
        Assert.Empty(cluster.Findings);
        Assert.DoesNotContain("duplicate", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-deviation", "lots")]
    [InlineData("--threshold", "-1")]
    [InlineData("--threshold", "0")]
    [InlineData("--threshold", "NaN")]
    [InlineData("--threshold", "three")]
    [InlineData("--max-deviation", "-5%")]
    [InlineData("--max-deviation", "150%")]
    [InlineData("--max-deviation", "NaN")]
    public void Bad_options_exit_2(string option, string value)
    {
        using var work = new Reporting.TempDirectory();
        var folders = Enumerable.Range(0, 3).Select(i => WriteRun(work.Path, $"node{i}", Node($"node{i}", "cpu.memory", 120e9))).ToList();
        CliProcess.Result result = CliProcess.Run(work.Path, ["merge", .. folders, option, value, "--out", "fleet"]);
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains(option, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_a_run_exits_2()
    {
        using var work = new Reporting.TempDirectory();
        CliProcess.Result result = CliProcess.Run(work.Path, ["merge", work.File("nothing-here"), work.File("nor-here"), work.File("nor-there"), "--out", "fleet"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no run found", result.Stderr, StringComparison.Ordinal);
    }

    private static string WriteRun(string root, string name, Run run)
    {
        string folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        RunFile.Write(run, Path.Combine(folder, "run.json"));
        return folder;
    }

    private static Run Node(string host, string benchmark, double value) => RunFileTests.SampleRun() with
    {
        RunId = $"run-{host}",
        Verdict = VerdictStatus.Pass,
        Errors = [],
        System = SystemInfo.Unknown with { Host = host },
        Measurements =
        [
            new Measurement
            {
                Benchmark = benchmark, Metric = "triad", Unit = "B/s", Better = Direction.Higher,
                Labels = benchmark.StartsWith("gpu", StringComparison.Ordinal) ? new Dictionary<string, string> { ["device"] = "0" } : new Dictionary<string, string>(),
                Samples = [value, value * 1.001],
                Stats = AiBench.Core.Statistics.SampleStatisticsEstimator.Estimate([value, value * 1.001]),
            },
        ],
    };
}
