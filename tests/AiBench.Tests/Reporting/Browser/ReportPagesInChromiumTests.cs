using AiBench.Core.History;
using AiBench.Core.Results;
using AiBench.Reporting;
using AiBench.Reporting.Charts;
using AiBench.Reporting.Cluster;
using AiBench.Reporting.Comparison;
using AiBench.Reporting.Gates;
using AiBench.Reporting.Pdf;
using AiBench.Tests.Gates;
using AiBench.Tests.Reporting.Cluster;
using Xunit;

namespace AiBench.Tests.Reporting.Browser;

/// <summary>
/// The HTML pages (run report, comparisons, history, cluster) as a reader's browser shows them (Debian's headless Chromium): no console error, no
/// network request (the pages are self-contained), every chart drawn with a size and shapes, and a screenshot
/// of each in <see cref="PageInBrowser.ScreenshotFolder"/> for a person to look at.
/// </summary>
public class ReportPagesInChromiumTests
{
    private static readonly string ReferenceRuns = Path.Combine(RepoPaths.Root, "results", "reference", "2026-11-26-h100-sxm5-80gb");

    [ChromiumFact]
    public async Task The_run_report_loads_clean_with_every_chart_drawn()
    {
        using var dir = new TempDirectory();
        ReportWriter.Write(ReportingSampleRun.Create(), dir.Path);

        PageInBrowser page = await PageInBrowser.OpenAsync(dir.File(ReportFileNames.HtmlReport), "report");

        AssertClean(page, ChartPlanner.Plan(ReportingSampleRun.Create()).Count);
    }

    [ChromiumFact]
    public async Task The_h100_reference_runs_render_with_their_gpu_conditions()
    {
        foreach (string name in new[] { "matmul", "memory", "nccl-allreduce" })
        {
            using var dir = new TempDirectory();
            File.Copy(Path.Combine(ReferenceRuns, name, RunFile.FileName), dir.File(RunFile.FileName));
            ReportResult written = ReportWriter.Regenerate(dir.Path, label: $"H100 reference {name}");
            Assert.True(written.Succeeded, string.Join("\n", written.Failures.Select(f => f.Message)));

            PageInBrowser page = await PageInBrowser.OpenAsync(dir.File(ReportFileNames.HtmlReport), $"reference-{name}");

            AssertClean(page, ChartPlanner.Plan(RunFile.Read(dir.Path)).Count);
            string pdf = dir.File(ReportFileNames.PdfReport);
            Assert.True(File.Exists(pdf), "report.pdf printed by Chromium");
            Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(pdf).Take(4).ToArray());
        }
    }

    [ChromiumFact]
    public async Task The_comparison_loads_clean_with_one_chart_per_family()
    {
        using var dir = new TempDirectory();
        Run before = ReportingSampleRun.Create();
        Run after = ReportingSampleRun.Create(matmulScale: 0.9) with { RunId = "second" };
        ComparisonReport.Write([before, after], dir.Path, ["node17 before", "node17 after"]);

        PageInBrowser page = await PageInBrowser.OpenAsync(dir.File(ReportFileNames.ComparisonHtml), "comparison");

        AssertClean(page, ComparisonCharts.Plan([before, after]).Count);
    }

    [ChromiumFact]
    public async Task The_comparison_of_compare_out_loads_clean_at_its_threshold()
    {
        using var dir = new TempDirectory();
        Run before = SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6, seed: 1);
        Run after = SyntheticRuns.TwoFigures("slow", 5, 90e9, 0.9e-6, seed: 2);
        ComparisonReport.WriteHtml([before, after], dir.Path, ["base", "run"], 0.05);

        PageInBrowser page = await PageInBrowser.OpenAsync(dir.File(ReportFileNames.ComparisonHtml), "compare-out");

        AssertClean(page, ComparisonCharts.Plan([before, after]).Count);
    }

    [ChromiumFact]
    public async Task The_history_page_loads_clean_with_a_trend_chart_per_metric()
    {
        using var dir = new TempDirectory();
        RunHistory history = HistoryHtmlTests.SlowedFromRun5();
        HistoryHtml.Write(history, dir.Path);

        PageInBrowser page = await PageInBrowser.OpenAsync(dir.File(HistoryHtml.FileName), "history");

        AssertClean(page, history.Metrics.Count);
    }

    [ChromiumFact]
    public async Task The_cluster_page_loads_clean_with_its_heatmaps()
    {
        using var dir = new TempDirectory();
        var result = ClusterSampleResult.FourNodes();
        foreach (var node in result.Nodes)
        {
            Run run = ReportingSampleRun.Create();
            ReportWriter.Write(run with { System = run.System with { Host = node.Identity.Host, Kernel = node.Identity.Name == ClusterSampleResult.SlowNode ? "6.1.0-18-amd64" : run.System.Kernel } },
                Path.Combine(dir.Path, node.RunFolder!));
        }

        ClusterReportWriter.Write(result, dir.Path);

        PageInBrowser page = await PageInBrowser.OpenAsync(dir.File(ReportFileNames.HtmlReport), "cluster");

        AssertClean(page, expectedCharts: 2);
    }

    private static void AssertClean(PageInBrowser page, int expectedCharts)
    {
        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.Requests);
        Assert.Equal(0, page.BrokenImages);
        Assert.True(page.Charts.Count >= expectedCharts, $"{page.Charts.Count} charts on the page, {expectedCharts} expected");
        Assert.All(page.Charts, c =>
        {
            // Heatmap legends are thin strips; non-empty is what counts.
            Assert.True(c.Width > 50 && c.Height > 10, $"chart drawn {c.Width}×{c.Height}");
            Assert.True(c.Shapes > 2, $"chart with {c.Shapes} shapes");
        });
    }
}
