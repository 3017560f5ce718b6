using System.Text.RegularExpressions;
using AiBench.Core.Comparing;
using AiBench.Core.Results;
using AiBench.Reporting;
using AiBench.Reporting.Comparison;
using AiBench.Reporting.Gates;
using AiBench.Reporting.Systems;
using AiBench.Tests.Gates;
using Xunit;

namespace AiBench.Tests.Reporting;

public class ComparisonReportTests
{
    [Fact]
    public void Lines_up_the_same_keys_across_runs_with_direction_aware_change()
    {
        Run before = ReportingSampleRun.Create();
        Run after = ReportingSampleRun.Create(matmulScale: 1.10) with
        {
            RunId = "2026-11-27T09-00-00Z-node18-77aa",
            System = before.System with { Host = "node18" },
        };
        ComparisonTable table = ComparisonTable.Build([before, after]);

        Assert.Equal(ReportingSampleRun.MeasurementCount, table.Rows.Count);
        ComparisonRow bf16 = table.Rows[0];
        Assert.Null(bf16.Cells[0]!.Change);
        Assert.Equal(0.10, bf16.Cells[1]!.Change!.Value, 2);
        Assert.True(bf16.Cells[1]!.IsBetter);
        Assert.EndsWith("of peak · change +10.0% (better)", bf16.Cells[1]!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparison_charts_draw_one_line_per_run()
    {
        Run before = ReportingSampleRun.Create();
        Run after = ReportingSampleRun.Create(matmulScale: 1.1) with { System = before.System with { Host = "node18" } };
        var busbw = ComparisonCharts.Plan([before, after]).Single(c => c.Metric == "busbw");
        Assert.Equal([0, 0, 1, 1], busbw.Series.Select(s => s.System));
        Assert.Equal(
            ["node17 2026-11-26, mode=in-place", "node17 2026-11-26, mode=out-of-place", "node18 2026-11-26, mode=in-place", "node18 2026-11-26, mode=out-of-place"],
            busbw.Series.Select(s => s.Name));
    }

    [Fact]
    public void Writes_markdown_and_html_from_run_folders()
    {
        using var dir = new TempDirectory();
        Run before = ReportingSampleRun.Create();
        Run after = before with
        {
            RunId = "second",
            Measurements = before.Measurements.Skip(1).ToList(),
        };
        ReportWriter.Write(before, dir.File("a"));
        ReportWriter.Write(after, dir.File("b"));

        ReportResult result = ReportWriter.Compare([dir.File("a"), dir.File("b")], dir.File("cmp"));

        Assert.Equal([dir.File("cmp/comparison.md"), dir.File("cmp/comparison.html")], result.Files.Take(2));
        Assert.Contains(dir.File("cmp/charts/net.allreduce.busbw.png"), result.Files);
        string md = File.ReadAllText(result.Files[0]);
        Assert.Contains("| case | labels | metric | node17 2026-11-26 | node17 2026-11-26 (2) |", md, StringComparison.Ordinal);
        Assert.Contains(" | — |", md, StringComparison.Ordinal);
        string html = File.ReadAllText(result.Files[1]);
        Assert.Contains("<h2>gpu.matmul</h2>", html, StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(html, "<svg\\b"));
        Assert.Contains("href=\"charts/gpu.matmul.throughput.png\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.05, "worse")]
    [InlineData(0.20, "same")]
    public void The_page_judges_at_the_threshold_given_with_the_verdict_compare_gives(double threshold, string expected)
    {
        Run before = SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6, seed: 1);
        Run after = SyntheticRuns.TwoFigures("slow", 5, 90e9, 1e-6, seed: 2);
        RunComparison compare = RunComparer.Compare(before, after, threshold);
        using var dir = new TempDirectory();

        (ComparisonTable table, _) = ComparisonReport.WriteHtml([before, after], dir.Path, null, threshold);

        ComparisonCell triad = table.Rows.Single(r => r.Metric == "triad").Cells[1]!;
        ComparedMeasurement judged = compare.Measurements.Single(m => m.Measurement.Metric == "triad");
        Assert.Equal(expected, GateText.Verdict(judged.Verdict));
        Assert.Equal(judged.Verdict, triad.Verdict);
        Assert.Equal(-judged.WorseBy, triad.Change);
        string html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(dir.File(ReportFileNames.ComparisonHtml)));
        Assert.Contains($"({expected})</td>", html, StringComparison.Ordinal);
        Assert.Equal(expected == "worse" ? 1 : 0, Regex.Count(html, "class=\"num worse\""));
        Assert.Contains($"Mann-Whitney equivalence test on the raw samples (Perfolizer's SimpleEquivalenceTest) at ± {GateText.Percent(threshold)}", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_samples_are_not_coloured_and_say_so()
    {
        Run before = SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6, n: 3, seed: 1);
        Run after = SyntheticRuns.TwoFigures("slow", 5, 50e9, 2e-6, n: 3, seed: 2);

        ComparisonTable table = ComparisonTable.Build([before, after]);
        string html = System.Net.WebUtility.HtmlDecode(ComparisonReport.RenderHtml(table, [], Path.GetTempPath()));

        Assert.All(table.Rows, r => Assert.Equal(ComparedVerdict.NotEnoughSamples, r.Cells[1]!.Verdict));
        Assert.DoesNotContain("num worse", html, StringComparison.Ordinal);
        Assert.Contains("(not enough samples)", html, StringComparison.Ordinal);
        Assert.Contains("2 with too few samples to test", ComparisonSummary.Paragraph(table), StringComparison.Ordinal);
    }

    [Fact]
    public void A_flags_column_names_the_noisy_figure_and_its_system_with_the_limit()
    {
        Run before = SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6, seed: 1);
        Run after = SyntheticRuns.TwoFigures("noisy", 5, 100e9, 1e-6, cv: 0.12, seed: 2);
        ComparisonTable table = ComparisonTable.Build(ReportedSystem.Of([before, after], ["quiet", "busy"]));

        string md = ComparisonReport.RenderMarkdown(table);
        string html = System.Net.WebUtility.HtmlDecode(ComparisonReport.RenderHtml(table, [], Path.GetTempPath()));

        Assert.Contains("| case | labels | metric | quiet | busy | flags |", md, StringComparison.Ordinal);
        Assert.Matches(@"busy: noisy: CV 1[0-9.]+% \(limit 5%\)", table.Flags(table.Rows[0]));
        Assert.DoesNotContain("quiet:", table.Flags(table.Rows[0]), StringComparison.Ordinal);
        Assert.Matches(@"<td class=""warn"">busy: noisy: CV", html);
    }
}
