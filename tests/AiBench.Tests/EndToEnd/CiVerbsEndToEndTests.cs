using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AiBench.Core.Results;
using AiBench.Tests.Gates;
using AiBench.Tests.Reporting;
using Json.Schema;
using Xunit;

namespace AiBench.Tests.EndToEnd;

/// <summary><c>aibench compare</c>, <c>gate</c> and <c>history</c> through the real CLI process on stored synthetic runs.</summary>
public class CiVerbsEndToEndTests
{
    private static readonly Dictionary<string, string?> NoStepSummary = new() { ["GITHUB_STEP_SUMMARY"] = null };

    [Fact]
    public void Gate_on_a_real_slowdown_exits_1_with_junit_summary_and_step_summary()
    {
        using var work = new TempDirectory();
        string before = SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6, seed: 1));
        string after = SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures("slow", 5, 90e9, 1e-6, seed: 2));
        string stepSummary = work.File("step-summary.md");
        File.WriteAllText(stepSummary, "earlier step\n");

        CliProcess.Result result = CliProcess.Run(work.Path, new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = stepSummary },
            "gate", before, after, "--max-regression", "5%", "--junit", "reports/gate.xml", "--summary", "gate.md");

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("1 regression(s) beyond 5%", result.Stderr, StringComparison.Ordinal);
        XElement failure = Assert.Single(XDocument.Load(work.File("reports/gate.xml")).Descendants("failure"));
        Assert.Contains("worse by ", (string)failure.Attribute("message")!, StringComparison.Ordinal);
        Assert.Contains("GB/s", failure.Value, StringComparison.Ordinal);
        string summary = File.ReadAllText(work.File("gate.md"));
        Assert.Contains("AiBench gate: FAIL", summary, StringComparison.Ordinal);
        string appended = File.ReadAllText(stepSummary);
        Assert.StartsWith("earlier step\n", appended, StringComparison.Ordinal);
        Assert.Contains(summary.TrimEnd(), appended, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_on_like_runs_exits_0_and_json_says_so()
    {
        using var work = new TempDirectory();
        string before = SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6, cv: 0.03, seed: 1));
        string after = SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures("like", 5, 100e9, 1e-6, cv: 0.03, seed: 2));

        CliProcess.Result result = CliProcess.Run(work.Path, NoStepSummary, "gate", before, after, "--max-regression", "5%", "--json");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        JsonNode gate = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("aibench.gate/1", (string)gate["schema"]!);
        Assert.False((bool)gate["failed"]!);
        PublishedSchema.AssertValid("aibench.gate-1.schema.json", result.Stdout);
    }

    [Fact]
    public void A_step_summary_that_is_a_fifo_is_refused_after_the_decision_it_blocked_the_gate_forever()
    {
        using var work = new TempDirectory();
        string before = SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6, seed: 1));
        string after = SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures("like", 5, 100e9, 1e-6, seed: 2));
        string fifo = work.File("summary-fifo");
        ChildProcess.Tool("mkfifo", fifo);

        CliProcess.Result result = CliProcess.Run(work.Path, new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = fifo },
            "gate", before, after, "--max-regression", "5%");

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("AiBench gate: pass", result.Stdout, StringComparison.Ordinal);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("GITHUB_STEP_SUMMARY", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gate_between_runs_that_share_no_measurement_is_refused_it_passed_with_exit_0()
    {
        using var work = new TempDirectory();
        (string before, string after) = RunsSharingNoMeasurement(work);

        CliProcess.Result result = CliProcess.Run(work.Path, NoStepSummary, "gate", before, after, "--max-regression", "5%", "--junit", "gate.xml");

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("share no measurement", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.False(File.Exists(work.File("gate.xml")));
    }

    [Fact]
    public void A_compare_of_runs_that_share_no_measurement_is_refused_it_compared_nothing_with_exit_0()
    {
        using var work = new TempDirectory();
        (string before, string after) = RunsSharingNoMeasurement(work);

        CliProcess.Result result = CliProcess.Run(work.Path, "compare", before, after);

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("nothing to compare", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_json_with_a_regression_and_a_missing_figure_matches_the_published_schema()
    {
        using var work = new TempDirectory();
        string before = SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6, seed: 1));
        string after = SyntheticRuns.Write(work.Path, SyntheticRuns.Run("slow", DateTimeOffset.Parse("2026-11-30T10:05:00Z"),
            SyntheticRuns.Figure("cpu.memory", "triad", AiBench.Core.Results.Direction.Higher, SyntheticRuns.Samples(80e9, 20, 0.01, 2))));

        CliProcess.Result result = CliProcess.Run(work.Path, NoStepSummary, "gate", before, after, "--max-regression", "5%", "--json");

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Equal(["regression", "missing"], JsonNode.Parse(result.Stdout)!["findings"]!.AsArray().Select(f => (string)f!["outcome"]!));
        PublishedSchema.AssertValid("aibench.gate-1.schema.json", result.Stdout);

        // The embedded comparison is checked against compare's schema, not waved through.
        JsonNode broken = JsonNode.Parse(result.Stdout)!;
        broken["comparison"]!["measurements"]![0]!["verdict"] = "slower";
        Assert.False(PublishedSchema.Load("aibench.gate-1.schema.json").Evaluate(JsonDocument.Parse(broken.ToJsonString()).RootElement).IsValid);
    }

    [Fact]
    public void Gate_with_too_few_samples_exits_0_and_lists_them_as_skipped()
    {
        using var work = new TempDirectory();
        string before = SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6, n: 3, seed: 1));
        string after = SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures("slow", 5, 50e9, 2e-6, n: 3, seed: 2));

        CliProcess.Result result = CliProcess.Run(work.Path, NoStepSummary, "gate", before, after, "--max-regression", "5%", "--junit", "gate.xml");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("2 with not enough samples", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("**not enough samples**", result.Stdout, StringComparison.Ordinal);
        var skipped = XDocument.Load(work.File("gate.xml")).Descendants("skipped").ToList();
        Assert.Equal(2, skipped.Count);
        Assert.All(skipped, s => Assert.Contains("at least 5 each", (string)s.Attribute("message")!, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0%")]
    [InlineData("100%")]
    [InlineData("-5%")]
    [InlineData("lots")]
    [InlineData("5 GB/s")]
    public void Gate_with_a_bad_threshold_exits_2(string threshold)
    {
        using var work = new TempDirectory();
        string before = SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6));
        string after = SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures("run", 5, 100e9, 1e-6));

        CliProcess.Result result = CliProcess.Run(work.Path, NoStepSummary, "gate", before, after, "--max-regression", threshold);

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("--max-regression", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_and_compare_refuse_the_same_run_twice_and_unreadable_runs()
    {
        using var work = new TempDirectory();
        string run = SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6));
        string copy = Path.Combine(work.Path, "copy");
        Directory.CreateDirectory(copy);
        File.Copy(Path.Combine(run, "run.json"), Path.Combine(copy, "run.json"));
        string broken = Path.Combine(work.Path, "broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "run.json"), "{ not json");

        Assert.Equal(2, CliProcess.Run(work.Path, NoStepSummary, "gate", run, run, "--max-regression", "5%").ExitCode);
        CliProcess.Result sameId = CliProcess.Run(work.Path, NoStepSummary, "compare", run, copy);
        Assert.Equal(2, sameId.ExitCode);
        Assert.Contains("same run", sameId.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, CliProcess.Run(work.Path, NoStepSummary, "gate", run, broken, "--max-regression", "5%").ExitCode);
        Assert.Equal(2, CliProcess.Run(work.Path, NoStepSummary, "compare", run, work.File("nowhere")).ExitCode);
        Assert.Equal(2, CliProcess.Run(work.Path, NoStepSummary, "gate", run, copy).ExitCode);
    }

    [Fact]
    public void Compare_prints_markdown_writes_markdown_json_and_html_and_its_json_matches_the_published_schema()
    {
        using var work = new TempDirectory();
        string before = SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6, seed: 1));
        string after = SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures("slow", 5, 90e9, 0.9e-6, seed: 2));

        CliProcess.Result md = CliProcess.Run(work.Path, NoStepSummary, "compare", before, after, "--threshold", "5%", "--out", "cmp");
        Assert.True(md.ExitCode == 0, $"exit {md.ExitCode}\n{md.Stdout}\n{md.Stderr}");
        Assert.Contains("| worse |", md.Stdout, StringComparison.Ordinal);
        Assert.Contains("| better |", md.Stdout, StringComparison.Ordinal);
        Assert.Equal(md.Stdout, File.ReadAllText(work.File("cmp/compare.md")));

        CliProcess.Result json = CliProcess.Run(work.Path, NoStepSummary, "compare", before, after, "--json");
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(json.Stdout.TrimEnd(), File.ReadAllText(work.File("cmp/compare.json")).TrimEnd());
        PublishedSchema.AssertValid("aibench.compare-1.schema.json", json.Stdout);
        Assert.Equal(["worse", "better"], JsonNode.Parse(json.Stdout)!["measurements"]!.AsArray().Select(m => (string)m!["verdict"]!));

        // The HTML page states the same change and verdict per figure, at the same threshold.
        string html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(work.File("cmp/comparison.html")));
        foreach (JsonNode? m in JsonNode.Parse(json.Stdout)!["measurements"]!.AsArray())
        {
            string change = AiBench.Reporting.Gates.GateText.Change((double)m!["worseBy"]!);
            Assert.Contains($"change {change} ({(string)m["verdict"]!})</td>", html, StringComparison.Ordinal);
        }

        Assert.Contains("± 5.0%, α = 0.05", html, StringComparison.Ordinal);
        Assert.True(File.Exists(work.File("cmp/charts/cpu.memory.triad.svg")), "the page's charts are written beside it");
    }

    [Fact]
    public void History_names_the_first_slow_run_exits_1_and_writes_markdown_json_and_html_with_trend_charts()
    {
        using var work = new TempDirectory();
        var folders = Enumerable.Range(0, 8)
            .Select(i => SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures($"run{i}", i * 10, i < 5 ? 100e9 : 85e9, 1e-6, seed: i)))
            .ToList();

        CliProcess.Result result = CliProcess.Run(work.Path, NoStepSummary, ["history", .. folders, "--out", "hist"]);

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("**regression** at run5", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"triad \[kernel=triad\] regressed 1[45]\.[0-9]% at run run5", result.Stderr);
        string historyJson = File.ReadAllText(work.File("hist/history.json"));
        Assert.Equal("aibench.history/1", (string)JsonNode.Parse(historyJson)!["schema"]!);
        PublishedSchema.AssertValid("aibench.history-1.schema.json", historyJson);
        Assert.True(File.Exists(work.File("hist/history.md")));
        string html = File.ReadAllText(work.File("hist/history.html"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "<figure>"));
        Assert.Contains("href=\"charts/history.cpu.memory-triad-kernel-triad.png\"", html, StringComparison.Ordinal);

        CliProcess.Result steady = CliProcess.Run(work.Path, NoStepSummary, ["history", .. folders.Take(5)]);
        Assert.True(steady.ExitCode == 0, $"exit {steady.ExitCode}\n{steady.Stdout}\n{steady.Stderr}");
    }

    [Fact]
    public void History_of_fewer_than_3_runs_exits_2()
    {
        using var work = new TempDirectory();
        var folders = Enumerable.Range(0, 2).Select(i => SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures($"run{i}", i, 100e9, 1e-6))).ToList();

        CliProcess.Result result = CliProcess.Run(work.Path, NoStepSummary, ["history", .. folders]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("at least 3 runs", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A base of two memory figures and a run of one GEMM figure: nothing in common to judge.</summary>
    private static (string Before, string After) RunsSharingNoMeasurement(TempDirectory work)
    {
        string before = SyntheticRuns.Write(work.Path, SyntheticRuns.TwoFigures("base", 0, 100e9, 1e-6, seed: 1));
        Run other = SyntheticRuns.Run("other", DateTimeOffset.Parse("2026-11-30T11:00:00Z"),
            SyntheticRuns.Figure("cpu.gemm", "throughput", Direction.Higher, SyntheticRuns.Samples(1e12, 20, 0.01, 3), "FLOP/s"));
        return (before, SyntheticRuns.Write(work.Path, other));
    }
}
