using AiBench.Core.Results;
using AiBench.Reporting;
using AiBench.Reporting.Markdown;
using AiBench.Reporting.Text;
using Xunit;

namespace AiBench.Tests.Reporting;

public class MarkdownSummaryExporterTests
{
    private static readonly Run SampleRun = ReportingSampleRun.Create();
    private static readonly string Summary = MarkdownSummaryExporter.Render(SampleRun);

    [Fact]
    public void Header_names_the_run_host_hardware_and_tool()
    {
        Assert.StartsWith("# AiBench run 2026-11-26T14-02-11Z-node17-3f9a\n", Summary, StringComparison.Ordinal);
        Assert.Contains("- **Status:** partial", Summary, StringComparison.Ordinal);
        Assert.Contains("- **Verdict:** fail", Summary, StringComparison.Ordinal);
        Assert.Contains("- **Host:** node17", Summary, StringComparison.Ordinal);
        Assert.Contains("1 × NVIDIA H100 80GB HBM3 (h100-sxm5-80gb, driver 550.54.15)", Summary, StringComparison.Ordinal);
        Assert.Contains("AMD EPYC 9654, 2 sockets, 96 cores / 192 threads", Summary, StringComparison.Ordinal);
        Assert.Contains("aibench 0.1.0 (abc1234)", Summary, StringComparison.Ordinal);
        Assert.Contains("- **Started:** 2026-11-26 14:02:11Z", Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Has_a_table_per_benchmark_with_percent_of_peak_and_verdicts()
    {
        Assert.Contains("## gpu.matmul\n\nParameters of every case: m=8192, n=8192, k=8192\n\n| case | labels | metric | median | spread | n | % of peak | check | verdict |", Summary, StringComparison.Ordinal);
        Assert.Contains("## net.allreduce\n", Summary, StringComparison.Ordinal);
        Measurement bf16 = SampleRun.Measurements[0];
        string peak = $"{InvariantNumber.Percent(bf16.Baseline!.Efficiency)} of 989.5 TFLOP/s";
        Assert.Contains($"| dtype=bf16 | device=0 | throughput | {MeasurementText.Median(bf16)} |", Summary, StringComparison.Ordinal);
        Assert.Contains(peak, Summary, StringComparison.Ordinal);
        Assert.Contains("| 20 |", Summary, StringComparison.Ordinal);
        Assert.Contains("| pass: efficiency >= 0.70 |", Summary, StringComparison.Ordinal);
        Assert.Contains("| FAIL: efficiency >= 0.70 |", Summary, StringComparison.Ordinal);
        Assert.Contains("bytes=1 GiB, mode=in-place", Summary, StringComparison.Ordinal);
        Assert.Contains("Baselines: vendor:h100-sxm5-80gb", Summary, StringComparison.Ordinal);
        int tableRows = Summary.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| case", StringComparison.Ordinal)
            && !l.StartsWith("| benchmark", StringComparison.Ordinal) && !l.StartsWith("| rule", StringComparison.Ordinal));
        Assert.Equal(ReportingSampleRun.MeasurementCount + SampleRun.Errors.Count + SampleRun.RuleFailures.Count, tableRows);
    }

    [Fact]
    public void Lists_errors_and_rule_failures_escaped()
    {
        Assert.Contains("## Errors\n", Summary, StringComparison.Ordinal);
        Assert.Contains("| storage.s3 | — | unavailable | no S3 endpoint configured, see \\<script>alert(1)\\</script> & docs |", Summary, StringComparison.Ordinal);
        Assert.Contains("## Rule failures\n", Summary, StringComparison.Ordinal);
        Assert.Contains("| gpu.memory/triad min_efficiency 0.88 | fail | missing measurement |", Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_writes_summary_md()
    {
        using var dir = new TempDirectory();
        IReadOnlyList<string> files = new MarkdownSummaryExporter().Export(SampleRun, dir.Path);
        Assert.Equal([dir.File(ReportFileNames.SummaryMarkdown)], files);
        Assert.Equal(Summary, File.ReadAllText(files[0]));
    }

    [Fact]
    public void Escapes_pipes_so_a_cell_cannot_break_the_table() =>
        Assert.Equal("a\\|b c", MarkdownText.Escape("a|b\nc"));
}
