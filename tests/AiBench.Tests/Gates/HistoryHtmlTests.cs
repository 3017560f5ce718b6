using System.Text.RegularExpressions;
using AiBench.Core.History;
using AiBench.Core.Results;
using AiBench.Reporting;
using AiBench.Reporting.Gates;
using AiBench.Tests.Reporting;
using Xunit;

namespace AiBench.Tests.Gates;

public class HistoryHtmlTests
{
    /// <summary>Eight runs ten minutes apart; triad drops 15% from the sixth on, latency stays.</summary>
    public static RunHistory SlowedFromRun5() => HistoryAnalyzer.Analyze(
        Enumerable.Range(0, 8).Select(i => SyntheticRuns.TwoFigures($"run{i}", i * 10, i < 5 ? 100e9 : 85e9, 1e-6, seed: i)).ToList(), 0.05);

    [Fact]
    public void Each_metric_gets_a_trend_chart_with_its_shift_marked_and_its_runs_in_order()
    {
        using var dir = new TempDirectory();
        RunHistory history = SlowedFromRun5();

        ReportResult result = HistoryHtml.Write(history, dir.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Message)));
        string html = File.ReadAllText(dir.File(HistoryHtml.FileName));
        Assert.Equal(2, Regex.Count(html, "<figure>"));
        Assert.Equal(2, Regex.Count(html, "<svg\\b"));
        string triad = File.ReadAllText(dir.File("charts/history.cpu.memory-triad-kernel-triad.svg"));
        Assert.Contains("triad (GB/s)", triad, StringComparison.Ordinal);
        Assert.Contains("regression shift", triad, StringComparison.Ordinal);
        Assert.Matches("(?i)#d62728", triad);
        // Run start times label the axis, oldest first.
        Assert.True(triad.IndexOf("11-30 10:00", StringComparison.Ordinal) < triad.IndexOf("11-30 11:10", StringComparison.Ordinal));
        string latency = File.ReadAllText(dir.File("charts/history.cpu.memory-latency-kernel-latency.svg"));
        Assert.DoesNotContain("shift", latency, StringComparison.Ordinal);
        Assert.Contains("95% CI whiskers", latency, StringComparison.Ordinal);
        string text = System.Net.WebUtility.HtmlDecode(html);
        Assert.Contains("◀ regression", text, StringComparison.Ordinal);
        // The runs' table writes latency in the µs of its axis, never 999 ns beside 1.002 µs.
        Assert.Contains("latency (µs)", latency, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d ns\b", text);
        Assert.True(File.Exists(dir.File("charts/history.cpu.memory-triad-kernel-triad.png")));
    }
}
