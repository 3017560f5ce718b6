using System.Text.Json.Nodes;
using AiBench.Core.Results;
using AiBench.Tests.Gates;
using AiBench.Tests.Reporting;
using Xunit;

namespace AiBench.Tests.EndToEnd;

/// <summary>
/// run.json may hold samples the comparison statistics cannot take: NaN and ±Infinity (the schema allows them), zero
/// (bus bandwidth without traffic), negative, or so small that a quotient overflows. compare, gate, history and
/// report --compare-out ended in "internal error" (the ratio estimator, Mann-Whitney, or JSON refusing an infinite
/// change) on such a base or run; they now judge the finite samples and leave out a ratio that means nothing (issue #10).
/// </summary>
public class UnusableSamplesEndToEndTests
{
    private static readonly Dictionary<string, string?> NoStepSummary = new() { ["GITHUB_STEP_SUMMARY"] = null };

    public static TheoryData<string, double[]> Unusable() => new()
    {
        { "zero", [0, 0, 0, 0, 0, 0] },
        { "zero among positive", [0, 1e9, 2e9, 3e9, 4e9, 5e9] },
        { "negative", [-1, -2, -3, -4, -5] },
        { "NaN", [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN] },
        { "one NaN", [double.NaN, 1e9, 1e9, 1.1e9, 0.9e9, 1e9] },
        { "Infinity", [double.PositiveInfinity, 1e9, 1e9, 1.1e9, 0.9e9, 1e9] },
        { "-Infinity", [double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity] },
        { "denormal", [5e-324, 5e-324, 1e-323, 5e-324, 5e-324] },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void Compare_gate_history_and_comparison_pages_take_any_samples_a_run_may_hold(string name, double[] samples)
    {
        using var work = new TempDirectory();
        Run good(string id, int minute, int seed) => SyntheticRuns.TwoFigures(id, minute, 100e9, 1e-6, seed: seed);
        Run odd = good("odd", 0, 1) with
        {
            Measurements = [SyntheticRuns.Figure("cpu.memory", "triad", Direction.Higher, [1]) with { Samples = samples, Stats = null },
                good("odd", 0, 1).Measurements[1]],
        };
        string oddFolder = SyntheticRuns.Write(work.Path, odd);
        string a = SyntheticRuns.Write(work.Path, good("a", 5, 2));
        string b = SyntheticRuns.Write(work.Path, good("b", 10, 3));

        foreach (string[] args in new[]
        {
            new[] { "compare", oddFolder, a, "--json", "--out", "cmp1" },
            ["compare", a, oddFolder, "--out", "cmp2"],
            ["gate", oddFolder, a, "--max-regression", "5%", "--json"],
            ["gate", a, oddFolder, "--max-regression", "5%"],
            ["history", oddFolder, a, b, "--json", "--out", "hist"],
            ["history", a, b, oddFolder],
            ["report", oddFolder, a, "--compare-out", "pages"],
        })
        {
            CliProcess.Result result = CliProcess.Run(work.Path, NoStepSummary, args);
            string context = $"{name}: aibench {string.Join(' ', args)}: exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}";
            Assert.True(result.ExitCode is 0 or 1, context);
            Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
            if (args.Contains("--json"))
            {
                Assert.NotNull(JsonNode.Parse(result.Stdout));
            }
        }
    }
}
