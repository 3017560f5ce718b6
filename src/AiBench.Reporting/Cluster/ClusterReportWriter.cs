using AiBench.Core.Cluster;
using AiBench.Core.Results;

namespace AiBench.Reporting.Cluster;

/// <summary>
/// Writes a cluster verdict into its cluster folder: <c>cluster.json</c> first (a failure there throws: it alone
/// decides), then <c>summary.md</c>, <c>junit.xml</c> and <c>report.html</c>, each on its own, so one broken view is a
/// warning in <see cref="ReportResult.Failures"/> and never costs the others.
/// </summary>
public static class ClusterReportWriter
{
    /// <summary>Writes every file; the heatmap learns which way is better for each figure from the nodes' own runs.</summary>
    public static ReportResult Write(ClusterResult result, string folder) => Write(result, folder, directions: null);

    /// <param name="directions">Which way is better per figure, when the caller has the runs; else read from the nodes' run folders.</param>
    public static ReportResult Write(ClusterResult result, string folder, FigureDirections? directions)
    {
        Directory.CreateDirectory(folder);
        string json = Path.Combine(folder, ClusterFile.FileName);
        ClusterFile.Write(result, json);
        var files = new List<string> { Path.GetFullPath(json) };
        var failures = new List<ExportFailure>();
        void Export(string name, string fileName, Func<byte[]> render)
        {
            try
            {
                string path = Path.Combine(folder, fileName);
                AtomicFile.WriteAllBytes(path, render());
                files.Add(Path.GetFullPath(path));
            }
            catch (Exception e)
            {
                failures.Add(new ExportFailure(name, $"{name}: {e.Message}", e));
            }
        }

        Export("markdown", ReportFileNames.SummaryMarkdown, () => System.Text.Encoding.UTF8.GetBytes(ClusterMarkdown.Render(result)));
        Export("junit", ReportFileNames.JUnitXml, () => ClusterJUnit.Render(result));
        Export("html", ReportFileNames.HtmlReport, () => System.Text.Encoding.UTF8.GetBytes(
            ClusterHtmlReport.Render(result, folder, directions ?? FigureDirections.FromNodeRuns(result, folder))));
        return new ReportResult(files, failures);
    }
}
