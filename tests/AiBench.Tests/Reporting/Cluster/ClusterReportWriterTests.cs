using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AiBench.Core.Cluster;
using AiBench.Core.Results;
using AiBench.Reporting;
using AiBench.Reporting.Cluster;
using Xunit;
using Xunit.Abstractions;

namespace AiBench.Tests.Reporting.Cluster;

public class ClusterReportWriterTests(ITestOutputHelper output)
{
    [Fact]
    public void Writes_every_file_and_cluster_json_round_trips_and_matches_the_schema()
    {
        using var dir = new TempDirectory();
        ClusterResult result = ClusterSampleResult.FourNodes();
        ReportResult written = ClusterReportWriter.Write(result, dir.Path);

        Assert.True(written.Succeeded, string.Join("\n", written.Failures.Select(f => f.Message)));
        Assert.Equal([ClusterFile.FileName, ReportFileNames.SummaryMarkdown, ReportFileNames.JUnitXml, ReportFileNames.HtmlReport],
            written.Files.Select(Path.GetFileName));
        Assert.All(written.Files, f => Assert.True(File.Exists(f), f));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));

        ClusterResult back = ClusterFile.Read(dir.Path);
        Assert.Equal(ClusterFile.Serialize(result), ClusterFile.Serialize(back));
        Assert.Equal(0.70, back.Nodes.Single(n => n.Identity.Name == ClusterSampleResult.SlowNode).FleetRatios[ClusterSampleResult.Keys[0]]);
        Assert.Null(back.Matrices[0].Values[0][0]);
        ClusterSchema.AssertValid(JsonNode.Parse(File.ReadAllText(dir.File(ClusterFile.FileName)))!);
    }

    [Fact]
    public void Summary_starts_with_the_verdict_and_lists_the_failing_node_before_the_link()
    {
        string md = ClusterMarkdown.Render(ClusterSampleResult.FourNodes());
        string[] lines = md.Split('\n');
        Assert.Equal("# FAIL: 1 of 4 nodes and 1 of 6 pairs failed (run complete)", lines[0]);
        int findings = md.IndexOf("## Failing nodes and links", StringComparison.Ordinal);
        Assert.True(findings > 0 && findings < md.IndexOf("## Nodes", StringComparison.Ordinal));
        int slowNode = md.IndexOf("| node3 | node | fleet-outlier |", StringComparison.Ordinal);
        int slowLink = md.IndexOf("| node1↔node2 | link | slow-link |", StringComparison.Ordinal);
        Assert.True(slowNode > 0 && slowNode < slowLink, md);
        Assert.Contains("| nodes | complete | 1:02 | — |", md, StringComparison.Ordinal);
        Assert.Contains("| node3 | node3 | 2f0e1d2c | 4–5 | answered | pass | FAIL |", md, StringComparison.Ordinal);
        Assert.Contains("| node1 | node2 | 0 | 22 GB/s | 22.22 GB/s | 41.8 GB/s | 2.1 µs | 0.48 | 0.44 | FAIL | 0.48 of the pair median", md, StringComparison.Ordinal);
        Assert.Contains("## Bandwidth matrix (GB/s, from row to column)", md, StringComparison.Ordinal);
        Assert.Contains("\\<script>x\\</script>", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", md.Replace("\\<script>", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_has_both_heatmaps_links_and_escapes_a_hostile_host_name()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("nodes/node1"));
        File.WriteAllText(dir.File("nodes/node1/report.html"), "<html></html>");
        Directory.CreateDirectory(dir.File("pairs"));
        File.WriteAllText(dir.File("pairs/report.html"), "<html></html>");
        ClusterReportWriter.Write(ClusterSampleResult.FourNodes(), dir.Path);
        string html = File.ReadAllText(dir.File(ReportFileNames.HtmlReport));
        string text = WebUtility.HtmlDecode(html);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Nodes against the fleet", html, StringComparison.Ordinal);
        Assert.Contains("Node pairs: bandwidth", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "aria-label=\"colour key\""));

        // Column labels name only what varies: the device for gpu.memory, the dtype (not m) for gpu.matmul.
        Assert.Contains(">gpu.memory triad device=1</text>", html, StringComparison.Ordinal);
        Assert.Contains(">gpu.matmul throughput dtype=fp8</text>", html, StringComparison.Ordinal);
        Assert.Contains(">cpu.memory triad</text>", html, StringComparison.Ordinal);

        // The slow node's triad is red and reads 0.70; its storage latency 1.35 is worse too, so also red.
        Assert.Contains("node3 · cpu.memory triad: 0.70 × the fleet median</title><rect", text, StringComparison.Ordinal);
        Assert.Contains($"fill=\"{RatioColour.Fill(0.70)}\"/><text class=\"v\"", html, StringComparison.Ordinal);
        Assert.Contains($"fill=\"{RatioColour.Fill(1 / 1.35)}\"", html, StringComparison.Ordinal);
        Assert.Contains("node1 → node2: 22 GB/s; node2 → node1: 22.22 GB/s; slower 0.48 × the fleet median", text, StringComparison.Ordinal);
        Assert.Contains("fill=\"url(#ph-hatch)\"", html, StringComparison.Ordinal);

        Assert.Contains("<a href=\"nodes/node1/report.html\">node1</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"pairs/report.html\">report.html</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("nodes/node2/report.html", html, StringComparison.Ordinal);
        Assert.DoesNotContain("collectives/report.html", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Failing nodes and links", StringComparison.Ordinal) < html.IndexOf("Nodes against the fleet", StringComparison.Ordinal));
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Junit_has_a_case_per_node_pair_and_collectives_with_failures_on_the_slow_ones()
    {
        ClusterResult result = ClusterSampleResult.FourNodes();
        XElement suite = XDocument.Parse(System.Text.Encoding.UTF8.GetString(ClusterJUnit.Render(result))).Root!.Element("testsuite")!;
        Assert.Equal("cluster", (string)suite.Attribute("name")!);
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(4, cases.Count(c => ((string)c.Attribute("name")!).StartsWith("node:", StringComparison.Ordinal)));
        Assert.Equal(result.Pairs.Count, cases.Count(c => ((string)c.Attribute("name")!).StartsWith("pair:", StringComparison.Ordinal)));
        Assert.Single(cases, c => (string)c.Attribute("name")! == "collectives");
        Assert.Equal(["node:node3", "pair:node1-node2"], cases.Where(c => c.Element("failure") is not null).Select(c => (string)c.Attribute("name")!));
        Assert.Equal("node3: cpu.memory triad 0.70 of the fleet median",
            (string)cases.Single(c => (string)c.Attribute("name")! == "node:node3").Element("failure")!.Attribute("message")!);
        Assert.Equal(2, (int)suite.Attribute("failures")!);
        Assert.Equal(0, (int)suite.Attribute("errors")!);
        Assert.Contains(cases, c => (string)c.Attribute("name")! == $"node:{ClusterSampleResult.HostileHost}");
    }

    [Fact]
    public void A_node_that_did_not_answer_and_a_pair_that_could_not_run_are_errors()
    {
        ClusterResult sample = ClusterSampleResult.FourNodes();
        ClusterResult result = sample with
        {
            Nodes = [.. sample.Nodes.Take(3), sample.Nodes[3] with { State = NodeState.NotAnswering, Verdict = VerdictStatus.Error, FleetRatios = new Dictionary<string, double>() }],
            Pairs = [.. sample.Pairs.Take(5), sample.Pairs[5] with { BandwidthAToB = null, BandwidthBToA = null, RatioToFleet = null, Verdict = VerdictStatus.Error, Reason = "mpi: peer unreachable" }],
            Phases = [.. sample.Phases.Take(2), sample.Phases[2] with { Status = ClusterPhaseStatus.Failed, Detail = "all_reduce busbw 0.41 of line rate" }],
            Findings = [.. sample.Findings, new ClusterFinding { Kind = ClusterSubjectKind.Node, Subject = ClusterSampleResult.HostileHost, Nodes = [ClusterSampleResult.HostileHost], Category = "not-answering", Reason = "did not answer within 120 s" }],
        };
        XElement suite = XDocument.Parse(System.Text.Encoding.UTF8.GetString(ClusterJUnit.Render(result))).Root!.Element("testsuite")!;
        var errors = suite.Elements("testcase").Where(c => c.Element("error") is not null).ToDictionary(c => (string)c.Attribute("name")!, c => (string)c.Element("error")!.Attribute("message")!);
        Assert.Equal("did not answer within 120 s", errors[$"node:{ClusterSampleResult.HostileHost}"]);
        Assert.Equal("mpi: peer unreachable", errors["pair:node2-node3"]);
        Assert.Equal("all_reduce busbw 0.41 of line rate", (string)suite.Elements("testcase").Single(c => (string)c.Attribute("name")! == "collectives").Element("failure")!.Attribute("message")!);

        using var dir = new TempDirectory();
        Assert.True(ClusterReportWriter.Write(result, dir.Path).Succeeded);
        string html = File.ReadAllText(dir.File(ReportFileNames.HtmlReport));
        Assert.Contains("&lt;script&gt;x&lt;/script&gt; &#183; cpu.memory triad: not measured", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_2048_node_fleet_writes_in_seconds_with_a_small_html()
    {
        ClusterResult result = ClusterSampleResult.Fleet(2048);
        using var dir = new TempDirectory();
        ClusterReportWriter.Write(ClusterSampleResult.FourNodes(), dir.Path);   // warm up the code paths (JIT), not the timing
        var clock = Stopwatch.StartNew();
        ReportResult written = ClusterReportWriter.Write(result, dir.Path);
        clock.Stop();

        Assert.True(written.Succeeded, string.Join("\n", written.Failures.Select(f => f.Message)));
        long html = new FileInfo(dir.File(ReportFileNames.HtmlReport)).Length;
        output.WriteLine($"2,048 nodes, {result.Pairs.Count} pairs: written in {clock.Elapsed.TotalSeconds:0.00} s; "
            + string.Join(", ", written.Files.Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length / 1e6:0.0} MB")));
        Assert.True(html < 10_000_000, $"report.html is {html / 1e6:0.0} MB");
        // About a second on an idle 2-core machine (printed above); the bound only catches a path gone quadratic, since
        // parallel tests and builds on a small CI machine can slow a write several times over.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"writing took {clock.Elapsed.TotalSeconds:0.0} s");

        string text = WebUtility.HtmlDecode(File.ReadAllText(dir.File(ReportFileNames.HtmlReport)));
        Assert.Contains("All 2048 nodes in bins of 32", text, StringComparison.Ordinal);
        Assert.Contains("gpu-node-0005.cluster.example · gpu.memory triad device=3: 0.62 × the fleet median", text, StringComparison.Ordinal);
        Assert.Contains($"{ClusterTables.MaxPairRows} of {result.Pairs.Count} pairs, failing first", text, StringComparison.Ordinal);
        Assert.Equal(result.Pairs.Count, ClusterFile.Read(dir.Path).Pairs.Count);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
