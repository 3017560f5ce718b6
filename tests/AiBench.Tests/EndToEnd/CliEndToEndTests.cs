using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace AiBench.Tests.EndToEnd;

/// <summary>
/// Runs the real CLI on the real CPU benchmarks with a short budget and checks every output file and the
/// exit codes for pass (0), performance failure (1) and bad input (2).
/// </summary>
public partial class CliEndToEndTests
{
    private static readonly string[] Short = ["--quick", "--budget", "1s", "--set", "cpu.memory.size=16MiB", "--set", "cpu.gemm.m=256", "--set", "cpu.gemm.n=256", "--set", "cpu.gemm.k=256"];

    [Fact]
    public void A_passing_suite_writes_every_output_and_exits_0()
    {
        string work = Directory.CreateTempSubdirectory("aibench-e2e").FullName;
        string suite = WriteSuite(work, "pass.yaml", "min: 1 MB/s");
        CliProcess.Result result = CliProcess.Run(work, ["run", suite, "--out", "results", .. Short]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");

        string runDir = Assert.Single(Directory.GetDirectories(Path.Combine(work, "results")));
        JsonNode run = JsonNode.Parse(File.ReadAllText(Path.Combine(runDir, "run.json")))!;
        RunJson.AssertValid(run);
        JsonArray measurements = run["measurements"]!.AsArray();
        Assert.Contains(measurements, m => (string?)m!["benchmark"] == "cpu.memory" && (string?)m["metric"] == "triad");
        Assert.Contains(measurements, m => (string?)m!["benchmark"] == "cpu.gemm");
        Assert.All(measurements, m => Assert.True((double)m!["stats"]!["median"]! > 0));
        Assert.Equal("pass", (string?)run["verdict"]);

        string[] csv = File.ReadAllLines(Path.Combine(runDir, "measurements.csv"));
        Assert.Equal(measurements.Count + 1, csv.Length);
        Assert.StartsWith("benchmark,", csv[0], StringComparison.Ordinal);

        string[] charts = Directory.GetFiles(Path.Combine(runDir, "charts"));
        Assert.Contains(charts, c => c.EndsWith(".svg", StringComparison.Ordinal));
        Assert.Contains(charts, c => c.EndsWith(".png", StringComparison.Ordinal));
        Assert.All(charts, c => Assert.True(new FileInfo(c).Length > 100, c));

        Assert.Contains("triad", File.ReadAllText(Path.Combine(runDir, "summary.md")), StringComparison.Ordinal);
        string html = File.ReadAllText(Path.Combine(runDir, "report.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        foreach (Match link in Href().Matches(html))
        {
            string target = link.Groups[1].Value;
            if (!target.StartsWith('#') && !target.Contains("://", StringComparison.Ordinal))
            {
                Assert.True(File.Exists(Path.Combine(runDir, Uri.UnescapeDataString(target))), $"report link '{target}' does not resolve");
            }
        }

        Assert.True(File.Exists(Path.Combine(runDir, "junit.xml")));
        Assert.Contains("report.html", result.Stdout, StringComparison.Ordinal);

        // Regenerating from run.json reproduces the report without a rerun.
        File.Delete(Path.Combine(runDir, "report.html"));
        CliProcess.Result report = CliProcess.Run(work, "report", runDir);
        Assert.Equal(0, report.ExitCode);
        Assert.True(File.Exists(Path.Combine(runDir, "report.html")));
    }

    [Fact]
    public void A_failed_performance_rule_exits_1_and_a_second_run_gets_a_new_folder()
    {
        string work = Directory.CreateTempSubdirectory("aibench-e2e").FullName;
        string suite = WriteSuite(work, "fail.yaml", "min: 1000 TB/s");
        CliProcess.Result first = CliProcess.Run(work, ["run", suite, "--out", "results", .. Short]);
        Assert.True(first.ExitCode == 1, $"exit {first.ExitCode}\n{first.Stdout}\n{first.Stderr}");
        CliProcess.Result second = CliProcess.Run(work, ["run", suite, "--out", "results", .. Short]);
        Assert.Equal(1, second.ExitCode);
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(work, "results")).Length);
        string junit = File.ReadAllText(Path.Combine(Directory.GetDirectories(Path.Combine(work, "results"))[0], "junit.xml"));
        Assert.Contains("<failure", junit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "no.such.benchmark")]
    [InlineData("run", "cpu.memory", "--set", "kernel=warp")]
    [InlineData("run", "cpu.memory", "--set", "size=lots")]
    [InlineData("run", "cpu.memory", "--set", "nonsense")]
    [InlineData("run", "missing-suite.yaml")]
    [InlineData("run", "cpu.memory", "--out", "/proc/aibench-cannot-write-here")]
    [InlineData("run", "cpu.memory", "--sku", "gtx-9000")]
    [InlineData("run", "cpu.memory", "--budget", "soon")]
    [InlineData("report", "/nonexistent/run")]
    [InlineData("frobnicate")]
    [InlineData("run", "cpu.memory", "--no-such-option")]
    public void Bad_input_prints_one_line_and_exits_2(params string[] args)
    {
        string work = Directory.CreateTempSubdirectory("aibench-e2e").FullName;
        CliProcess.Result result = CliProcess.Run(work, args);
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        string[] lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(work, "results")) && Directory.GetDirectories(Path.Combine(work, "results")).Length > 0);
    }

    [Fact]
    public void A_malformed_suite_is_bad_input()
    {
        string work = Directory.CreateTempSubdirectory("aibench-e2e").FullName;
        File.WriteAllText(Path.Combine(work, "broken.yaml"), "name: broken\nbenchmarks:\n  - id: cpu.memory\n    rules:\n      - { expression: \"x > 1\" }\n");
        CliProcess.Result result = CliProcess.Run(work, "run", "broken.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("expression", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void List_shows_every_benchmark_with_its_availability()
    {
        CliProcess.Result result = CliProcess.Run(Path.GetTempPath(), "list");
        Assert.Equal(0, result.ExitCode);
        var registered = AiBench.Cli.Composition.Services.CreateRegistry().All.Select(b => b.Id).ToList();
        Assert.True(registered.Count >= 11, $"{registered.Count} benchmarks registered");
        Assert.All(registered, id => Assert.Contains(id, result.Stdout, StringComparison.Ordinal));

        Assert.Matches("ready|unavailable", result.Stdout);
    }

    [Fact]
    public void Sysinfo_json_describes_this_host()
    {
        CliProcess.Result result = CliProcess.Run(Path.GetTempPath(), "sysinfo", "--json");
        Assert.Equal(0, result.ExitCode);
        JsonNode system = JsonNode.Parse(result.Stdout)!;
        Assert.False(string.IsNullOrEmpty((string?)system["host"]));
        Assert.True((int)system["cpu"]!["logicalCores"]! >= 1);
    }

    private static string WriteSuite(string directory, string name, string triadRule)
    {
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, $$"""
            name: {{Path.GetFileNameWithoutExtension(name)}}
            benchmarks:
              - id: cpu.memory
                params: { kernel: "copy,triad" }
                rules:
                  - { metric: triad, {{triadRule}} }
              - id: cpu.gemm
                params: { dtype: fp32 }
            """);
        return path;
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
