using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AiBench.Core.Cluster;
using AiBench.Reporting;
using AiBench.Reporting.Cluster;
using AiBench.Tests.Cluster;
using Xunit;
using Xunit.Abstractions;

namespace AiBench.Tests.Reporting.Cluster;

/// <summary>The report of what <see cref="ClusterAnalyzer"/> really produces from simulated clusters (planted slow nodes and links).</summary>
public class ClusterReportOfAnalysisTests(ITestOutputHelper output)
{
    [Fact]
    public void The_report_of_an_analysed_64_node_cluster_names_the_planted_faults_everywhere()
    {
        ClusterScenario scenario = ClusterSimulation.Scenario(nodeCount: 64, slowNodes: 2, slowLinks: 2, PairSelection.All, seed: 64);
        ClusterResult result = ClusterAnalyzer.Analyze(scenario.Input, new ClusterJudgement());
        using var dir = new TempDirectory();
        Assert.True(ClusterReportWriter.Write(result, dir.Path).Succeeded);

        ClusterSchema.AssertValid(JsonNode.Parse(File.ReadAllText(dir.File(ClusterFile.FileName)))!);
        Assert.Equal(ClusterFile.Serialize(result), ClusterFile.Serialize(ClusterFile.Read(dir.Path)));

        string md = File.ReadAllText(dir.File(ReportFileNames.SummaryMarkdown));
        Assert.StartsWith("# FAIL: 2 of 64 nodes and 2 of 2016 pairs failed", md, StringComparison.Ordinal);
        string html = WebUtility.HtmlDecode(File.ReadAllText(dir.File(ReportFileNames.HtmlReport)));
        foreach ((string a, string b) in scenario.SlowLinks)
        {
            Assert.Contains($"{a} → {b}: ", html, StringComparison.Ordinal);
            Assert.Contains($"| {a}↔{b} | link | slow-link |", md, StringComparison.Ordinal);
        }

        foreach ((string node, _) in scenario.SlowNodes)
        {
            Assert.Contains($"| {node} | node | fleet-outlier |", md, StringComparison.Ordinal);
        }

        XElement suite = XDocument.Load(dir.File(ReportFileNames.JUnitXml)).Root!.Element("testsuite")!;
        Assert.Equal(
            scenario.SlowNodes.Select(s => $"node:{s.Node}").Concat(scenario.SlowLinks.Select(l => $"pair:{l.A}-{l.B}")).Order(StringComparer.Ordinal),
            suite.Elements("testcase").Where(c => c.Element("failure") is not null).Select(c => (string)c.Attribute("name")!).Order(StringComparer.Ordinal));
        Assert.Equal(64 + 2016, suite.Elements("testcase").Count());
    }

    [Theory]
    [InlineData(2048, 8)]
    [InlineData(256, 0)]
    public void The_report_of_an_analysed_large_cluster_is_written_in_seconds_and_stays_small(int nodes, int peersPerNode)
    {
        ClusterScenario scenario = ClusterSimulation.Scenario(nodes, slowNodes: 5, slowLinks: 4,
            peersPerNode == 0 ? PairSelection.All : PairSelection.Random(peersPerNode), seed: nodes);
        ClusterResult result = ClusterAnalyzer.Analyze(scenario.Input, new ClusterJudgement());
        using var dir = new TempDirectory();
        var clock = Stopwatch.StartNew();
        ReportResult written = ClusterReportWriter.Write(result, dir.Path);
        clock.Stop();

        Assert.True(written.Succeeded, string.Join("\n", written.Failures.Select(f => f.Message)));
        output.WriteLine($"{nodes} nodes, {result.Pairs.Count} pairs, {result.Matrices.Count} matrices: written in {clock.Elapsed.TotalSeconds:0.00} s; "
            + string.Join(", ", written.Files.Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length / 1e6:0.0} MB")));
        Assert.True(new FileInfo(dir.File(ReportFileNames.HtmlReport)).Length < 10_000_000);
        // About a second on an idle 2-core machine (printed above); the bound only catches a path gone quadratic, since
        // parallel tests and builds on a small CI machine can slow a write several times over.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"writing took {clock.Elapsed.TotalSeconds:0.0} s");
        string html = WebUtility.HtmlDecode(File.ReadAllText(dir.File(ReportFileNames.HtmlReport)));
        foreach ((string a, string b) in scenario.SlowLinks)
        {
            Assert.Contains($"{a} → {b}: ", html, StringComparison.Ordinal);
        }
    }
}
