using System.Text.RegularExpressions;
using AiBench.Core.Cluster;
using AiBench.Core.Results;
using AiBench.Reporting;
using AiBench.Reporting.Cluster;
using AiBench.Reporting.Systems;
using Xunit;

namespace AiBench.Tests.Reporting.Cluster;

/// <summary>The cluster page keys its nodes by the colours its environment table gives them, as the other pages key their systems.</summary>
public class ClusterSystemColourTests
{
    [Fact]
    public void Each_node_row_carries_the_colour_of_its_environment_column()
    {
        using var dir = new TempDirectory();
        ClusterResult result = ClusterSampleResult.FourNodes();
        WriteNodeRuns(result, dir.Path, result.Nodes.Count);

        string html = ClusterHtmlReport.Render(result, dir.Path, FigureDirections.FromNodeRuns(result, dir.Path));

        string nodes = Section(html, "Nodes");
        string environment = Section(html, "Environment");
        for (int i = 0; i < result.Nodes.Count; i++)
        {
            string swatch = $"<span class=\"swatch\" style=\"background:{SystemPalette.Hex(i)}\"></span>";
            Assert.Contains(swatch, environment, StringComparison.Ordinal);
            Assert.Matches($"<td>{Regex.Escape(swatch)}<a [^>]*>{Regex.Escape(System.Net.WebUtility.HtmlEncode(result.Nodes[i].Identity.Name))}</a>", nodes);
        }
    }

    [Fact]
    public void A_cluster_with_one_node_run_has_no_colour_key()
    {
        using var dir = new TempDirectory();
        ClusterResult result = ClusterSampleResult.FourNodes();
        WriteNodeRuns(result, dir.Path, 1);

        string html = ClusterHtmlReport.Render(result, dir.Path, FigureDirections.FromNodeRuns(result, dir.Path));

        Assert.DoesNotContain("class=\"swatch\"", Section(html, "Nodes"), StringComparison.Ordinal);
    }

    private static void WriteNodeRuns(ClusterResult result, string folder, int count)
    {
        foreach (NodeResult node in result.Nodes.Take(count))
        {
            Run run = ReportingSampleRun.Create();
            ReportWriter.Write(run with { System = run.System with { Host = node.Identity.Host } }, Path.Combine(folder, node.RunFolder!));
        }
    }

    /// <summary>From the section's heading to the next one.</summary>
    private static string Section(string html, string heading)
    {
        int start = html.IndexOf($"<h2>{heading}</h2>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {heading} section");
        int end = html.IndexOf("<h2>", start + 4, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }
}
