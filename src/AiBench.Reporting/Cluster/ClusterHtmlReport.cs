using System.Globalization;
using System.Text;
using AiBench.Core.Cluster;
using AiBench.Reporting.Environment;
using AiBench.Reporting.Html;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Cluster;

/// <summary>
/// <c>report.html</c> of a cluster: one self-contained page (inline CSS and SVG, no scripts) with the verdict banner,
/// the findings, the node × figure heatmap, the pair heatmap, the phases, nodes and pairs, the nodes' environment (what differs highlighted), and links to every node's
/// own report and the pairs and collectives run folders (only to files that exist).
/// </summary>
public static class ClusterHtmlReport
{
    private const string ExtraCss = """
        .banner { font-size: 1.2rem; font-weight: 600; padding: .6rem 1rem; border-radius: .4rem; }
        .banner.none { background: #eee; color: #555; }
        ol.findings li { margin: .2rem 0; }
        .heatmap { overflow-x: auto; margin: .5rem 0; }
        .heatmap svg, figure.legend svg { max-width: none; }
        svg.hm text { font-size: 11px; fill: #222; }
        svg.hm text.v { text-anchor: middle; }
        """;

    private static readonly string[] LinkedFiles = [ClusterFile.FileName, ReportFileNames.SummaryMarkdown, ReportFileNames.JUnitXml];

    public static string Render(ClusterResult result, string clusterFolder, FigureDirections directions)
    {
        (EnvironmentTable environment, int withRuns) = ClusterEnvironment.Build(result, clusterFolder);
        var page = new HtmlPage($"AiBench cluster {result.ClusterId}");
        var html = new StringBuilder();
        html.Append("<style>\n").Append(ExtraCss).Append("</style>\n");
        html.Append("<h1>").Append(HtmlText.Encode($"AiBench cluster {result.ClusterId}")).Append("</h1>\n");
        html.Append("<p class=\"banner ").Append(EnumText.Of(result.Verdict)).Append("\">").Append(HtmlText.Encode(ClusterText.VerdictLine(result))).Append("</p>\n");
        AppendFindings(html, result.Findings);
        page.Raw(html.ToString());
        page.Facts(ClusterTables.HeaderItems(result), label => label switch
        {
            "Status" => EnumText.Of(result.Status),
            "Verdict" => EnumText.Of(result.Verdict),
            _ => null,
        });

        html.Clear();
        AppendFileLinks(html, clusterFolder);
        AppendPhases(html, result, clusterFolder);
        html.Append("<h2>Nodes against the fleet</h2>\n<p class=\"note\">Each node's figure over the fleet median of that figure. ")
            .Append("For figures where lower is better (latency, time) a ratio above 1 is worse and is coloured red.</p>\n");
        NodeHeatmap.Append(html, result, directions);
        HeatmapLegend.Append(html, "colour: how much worse (red) or better (blue) than the fleet median");
        if (result.Pairs.Count > 0)
        {
            html.Append("<h2>Node pairs: bandwidth</h2>\n<p class=\"note\">")
                .Append(HtmlText.Encode("Each measured pair's slower direction over the median of all pairs (row and column are the two nodes; hover for both directions). Hatched or grey: not measured."))
                .Append("</p>\n");
            PairHeatmap.Append(html, result);
            HeatmapLegend.Append(html, "colour: slower direction over the pair fleet's median");
        }

        AppendNodes(html, result, clusterFolder, Colours(environment));
        AppendPairs(html, result);
        page.Raw(html.ToString());
        AppendEnvironment(page, environment, withRuns);
        return page.ToString();
    }

    /// <summary>
    /// Each node's colour in the environment table, so the node table names a node with the same key as the other pages
    /// name their systems; none when the page shows one system (or none) there.
    /// </summary>
    private static Dictionary<string, string> Colours(EnvironmentTable environment)
    {
        var colours = new Dictionary<string, string>(StringComparer.Ordinal);
        if (environment.Systems.Count > 1)
        {
            foreach (var system in environment.Systems)
            {
                colours.TryAdd(system.Label, system.Colour);
            }
        }

        return colours;
    }

    private static void AppendEnvironment(HtmlPage page, EnvironmentTable table, int withRuns)
    {
        EnvironmentHtml.Append(page, table);
        if (withRuns > table.Systems.Count)
        {
            page.Element("p", string.Create(CultureInfo.InvariantCulture,
                $"Environment of the first {table.Systems.Count} of {withRuns} nodes with a run; every node's is in its run.json."), "note");
        }
    }

    private static void AppendFindings(StringBuilder html, IReadOnlyList<ClusterFinding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        html.Append("<h2>Failing nodes and links</h2>\n<ol class=\"findings\">\n");
        foreach (ClusterFinding f in findings.Take(ClusterTables.MaxFindings))
        {
            html.Append("<li>").Append(HtmlPage.Badge(ClusterText.Of(f.Kind), "fail")).Append(" <strong>").Append(HtmlText.Encode(f.Subject))
                .Append("</strong> <code>").Append(HtmlText.Encode(f.Category)).Append("</code> ").Append(HtmlText.Encode(f.Reason)).Append("</li>\n");
        }

        html.Append("</ol>\n");
        if (findings.Count > ClusterTables.MaxFindings)
        {
            html.Append("<p class=\"note\">").Append(HtmlText.Encode($"… and {findings.Count - ClusterTables.MaxFindings} more in cluster.json.")).Append("</p>\n");
        }
    }

    private static void AppendFileLinks(StringBuilder html, string clusterFolder)
    {
        var links = LinkedFiles.Where(f => File.Exists(Path.Combine(clusterFolder, f))).Select(f => HtmlPage.Link(f, f)).ToList();
        if (links.Count > 0)
        {
            html.Append("<p>Files: ").Append(string.Join(" · ", links)).Append("</p>\n");
        }
    }

    private static void AppendPhases(StringBuilder html, ClusterResult result, string clusterFolder)
    {
        if (result.Phases.Count == 0)
        {
            return;
        }

        html.Append("<h2>Phases</h2>\n");
        HtmlCell.AppendTable(html, [.. ClusterTables.PhaseHeaders, "report"], result.Phases.Select(phase =>
        {
            IReadOnlyList<string> cells = ClusterTables.PhaseCells(phase);
            string? report = ReportOf(clusterFolder, ClusterTables.PhaseFolder(phase));
            return (IReadOnlyList<HtmlCell>)
            [
                HtmlCell.Text(cells[0]), HtmlCell.Badge(cells[1], cells[1]), HtmlCell.Number(cells[2]), HtmlCell.Text(cells[3]),
                report is null ? HtmlCell.Text("—") : HtmlCell.Link(report, "report.html"),
            ];
        }));
    }

    private static void AppendNodes(StringBuilder html, ClusterResult result, string clusterFolder, Dictionary<string, string> colours)
    {
        html.Append("<h2>Nodes</h2>\n");
        HtmlCell.AppendTable(html, [.. ClusterTables.NodeHeaders, "reason"], result.Nodes.Select(node =>
        {
            IReadOnlyList<string> cells = ClusterTables.NodeCells(node);
            string reason = ClusterText.NodeReason(result, node);
            return (IReadOnlyList<HtmlCell>)
            [
                HtmlCell.Link(ReportOf(clusterFolder, node.RunFolder), cells[0]).Swatched(colours.GetValueOrDefault(node.Identity.Name)), HtmlCell.Text(cells[1]), HtmlCell.Text(cells[2], "mono"),
                HtmlCell.Number(cells[3]), HtmlCell.Text(cells[4], node.State == NodeState.Answered ? null : "error"),
                HtmlCell.Text(cells[5], cells[5]), HtmlCell.Text(cells[6], cells[6]), HtmlCell.Text(reason.Length > 0 ? reason : "—"),
            ];
        }));
    }

    private static void AppendPairs(StringBuilder html, ClusterResult result)
    {
        if (result.Pairs.Count == 0)
        {
            return;
        }

        IReadOnlyList<PairResult> rows = ClusterTables.PairRows(result);
        html.Append("<h2>Pairs</h2>\n");
        if (rows.Count < result.Pairs.Count)
        {
            html.Append("<p class=\"note\">").Append(HtmlText.Encode(string.Create(CultureInfo.InvariantCulture,
                $"{rows.Count} of {result.Pairs.Count} pairs, failing first; all are in cluster.json."))).Append("</p>\n");
        }

        HtmlCell.AppendTable(html, ClusterTables.PairHeaders, rows.Select(pair =>
        {
            IReadOnlyList<string> cells = ClusterTables.PairCells(pair);
            return (IReadOnlyList<HtmlCell>)cells.Select((text, c) =>
                c == 9 ? HtmlCell.Text(text, text)
                : ClusterTables.PairNumericColumns.Contains(c) ? HtmlCell.Number(text)
                : HtmlCell.Text(text)).ToList();
        }));
    }

    /// <summary>The relative link to <c>report.html</c> in a run folder under the cluster folder, when that file exists.</summary>
    private static string? ReportOf(string clusterFolder, string? runFolder)
    {
        if (string.IsNullOrEmpty(runFolder))
        {
            return null;
        }

        string relative = runFolder.Replace('\\', '/').TrimEnd('/') + "/" + ReportFileNames.HtmlReport;
        return File.Exists(Path.Combine(clusterFolder, relative)) ? relative : null;
    }
}
