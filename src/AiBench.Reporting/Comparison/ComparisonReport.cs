using System.Text;
using AiBench.Core.Comparing;
using AiBench.Core.Results;
using AiBench.Reporting.Charts;
using AiBench.Reporting.Environment;
using AiBench.Reporting.Systems;
using AiBench.Reporting.Html;
using AiBench.Reporting.Markdown;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Comparison;

/// <summary>
/// <c>comparison.md</c> and <c>comparison.html</c>: a summary paragraph, the systems and their environment (what
/// differs highlighted), then per benchmark one row per measurement key and one column per system (median, % of
/// peak, change against the first run that has it, coloured only when the test of <see cref="VerdictMethod"/> shows
/// it, at the threshold given), and in the HTML the systems charted together, one colour each (also written to <c>charts/</c>).
/// </summary>
public static class ComparisonReport
{
    private static readonly string[] RunFactHeaders = ["system", "run id", "status", "verdict", "suite", "GPU", "CPU", "started"];

    /// <summary>Writes <c>comparison.md</c>, <c>comparison.html</c> and the charts; a chart failure is reported in the result, and the tables are still written.</summary>
    /// <param name="labels">The systems' names by run (<c>--label</c>); missing ones get <see cref="SystemLabel.Default"/>.</param>
    /// <param name="threshold">The equivalence test's margin, as <c>aibench compare --threshold</c> takes it.</param>
    public static ReportResult Write(
        IReadOnlyList<Run> runs, string outputDirectory, IReadOnlyList<string>? labels = null, double threshold = RunComparer.DefaultThreshold)
    {
        (ComparisonTable table, ReportResult html) = WriteHtml(runs, outputDirectory, labels, threshold);
        string md = Path.GetFullPath(Path.Combine(outputDirectory, ReportFileNames.ComparisonMarkdown));
        AtomicFile.WriteAllText(md, RenderMarkdown(table));
        return html with { Files = [md, .. html.Files] };
    }

    /// <summary>
    /// Writes <c>comparison.html</c> and its charts only: <c>aibench compare --out</c>, whose Markdown and JSON are
    /// compare.md and compare.json, with the same verdicts.
    /// </summary>
    public static (ComparisonTable Table, ReportResult Result) WriteHtml(
        IReadOnlyList<Run> runs, string outputDirectory, IReadOnlyList<string>? labels, double threshold)
    {
        Directory.CreateDirectory(outputDirectory);
        IReadOnlyList<ReportedSystem> systems = ReportedSystem.Of(runs, labels);
        ComparisonTable table = ComparisonTable.Build(systems, threshold);
        IReadOnlyList<ChartSpec> charts = ComparisonCharts.Plan(systems);
        var failures = new List<ExportFailure>();
        IReadOnlyList<string> chartFiles = [];
        try
        {
            chartFiles = ChartExporter.Write(charts, outputDirectory);
        }
        catch (Exception e)
        {
            failures.Add(new ExportFailure("charts", $"charts: {e.Message}", e));
        }

        string html = Path.GetFullPath(Path.Combine(outputDirectory, ReportFileNames.ComparisonHtml));
        AtomicFile.WriteAllText(html, RenderHtml(table, charts, outputDirectory));
        return (table, new ReportResult([html, .. chartFiles.Select(Path.GetFullPath)], failures));
    }

    /// <summary>What the change and its colour mean, naming the test and its threshold.</summary>
    public static string Method(ComparisonTable table) =>
        "Change: the median against the first system that has the figure, in the metric's better direction (+ is better); "
        + "coloured only when the test shows it. " + VerdictMethod.Describe(table.Threshold) + " % of peak: the median over the datasheet peak.";

    public static string RenderMarkdown(ComparisonTable table)
    {
        var md = new StringBuilder("# AiBench comparison\n\n");
        md.Append(ComparisonSummary.Paragraph(table)).Append("\n\n");
        MarkdownText.AppendTable(md, RunFactHeaders, table.Systems.Select(RunFacts));
        md.Append(Method(table)).Append("\n\n");
        foreach (var benchmark in table.Rows.GroupBy(r => r.Benchmark, StringComparer.Ordinal))
        {
            List<ComparisonRow> rows = benchmark.ToList();
            bool flagged = rows.Any(r => table.Flags(r).Length > 0);
            md.Append("## ").Append(MarkdownText.Escape(benchmark.Key)).Append("\n\n");
            MarkdownText.AppendTable(md, Headers(table, flagged), rows.Select(r => Cells(table, r, flagged)));
        }

        return md.ToString();
    }

    /// <param name="directory">Where the chart files are (or would be); missing charts are drawn inline.</param>
    public static string RenderHtml(ComparisonTable table, IReadOnlyList<ChartSpec> charts, string directory)
    {
        var page = new HtmlPage("AiBench comparison");
        page.Element("h1", "AiBench comparison");
        page.Element("p", ComparisonSummary.Paragraph(table), "summary");
        SystemLegend.Append(page, table.Systems);
        page.Table(RunFactHeaders, table.Systems.Select(RunFacts).ToList(),
            (r, c) => c switch
            {
                2 => EnumText.Of(table.Runs[r].Status),
                3 => EnumText.Of(table.Runs[r].Verdict),
                _ => null,
            });
        EnvironmentHtml.Append(page, EnvironmentTable.Build(table.Systems));
        page.Element("p", Method(table), "note");
        int firstRunColumn = Headers(table, false).Count - table.Runs.Count;
        int flagsColumn = firstRunColumn + table.Runs.Count;
        int chartNumber = 0;
        foreach (var benchmark in table.Rows.GroupBy(r => r.Benchmark, StringComparer.Ordinal))
        {
            List<ComparisonRow> rows = benchmark.ToList();
            bool flagged = rows.Any(r => table.Flags(r).Length > 0);
            page.Element("h2", benchmark.Key);
            page.Table(Headers(table, flagged), rows.Select(r => Cells(table, r, flagged)).ToList(), (r, c) =>
                c < firstRunColumn ? null
                : c == flagsColumn ? (table.Flags(rows[r]).Length > 0 ? "warn" : null)
                : rows[r].Cells[c - firstRunColumn]?.IsBetter switch
                {
                    true => "num better",
                    false => "num worse",
                    null => "num",
                });
            foreach (ChartSpec chart in charts.Where(c => c.Benchmark == benchmark.Key))
            {
                ChartFigure.Append(page, chart, directory, ++chartNumber);
            }
        }

        return page.ToString();
    }

    private static IReadOnlyList<string> RunFacts(ReportedSystem system)
    {
        Run run = system.Run;
        return
        [
            system.Label, run.RunId, EnumText.Of(run.Status), EnumText.Of(run.Verdict), run.Suite ?? "—",
            run.System.Gpus.Count > 0 ? RunText.Gpus(run.System.Gpus) : "—", RunText.Cpu(run.System.Cpu), RunText.Timestamp(run.StartedAt),
        ];
    }

    /// <summary>The flags column only where a row of the benchmark has a flag, as the run report does.</summary>
    private static List<string> Headers(ComparisonTable table, bool flagged) =>
        ["case", "labels", "metric", .. table.Runs.Select((_, i) => table.RunHeading(i)), .. flagged ? new[] { "flags" } : []];

    private static IReadOnlyList<string> Cells(ComparisonTable table, ComparisonRow row, bool flagged)
    {
        List<string> cells = [row.Case, row.Labels.Length > 0 ? row.Labels : "—", row.Metric, .. row.Cells.Select(c => c?.Text ?? "—")];
        if (flagged)
        {
            string flags = table.Flags(row);
            cells.Add(flags.Length > 0 ? flags : "—");
        }

        return cells;
    }
}
