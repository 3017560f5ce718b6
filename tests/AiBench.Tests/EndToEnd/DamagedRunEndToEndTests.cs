using System.Text.Json.Nodes;
using AiBench.Core.Results;
using AiBench.Tests.Core;
using Xunit;

namespace AiBench.Tests.EndToEnd;

/// <summary>
/// A damaged or unfit run.json given to merge, report or run --compare ends in exit 2 and one stderr line naming the
/// file and the field: no stack trace, no "report:" line for a report never written (issue #10).
/// </summary>
public class DamagedRunEndToEndTests
{
    public static TheoryData<string, string> Damages() => new()
    {
        { """{ "schema": "aibench.run/1", "runId": """, "run.json" },
        { Mutated(root => root["system"] = null), "$.system" },
        { Mutated(root => root["measurements"] = new JsonArray((JsonNode?)null)), "$.measurements[0]" },
        { Mutated(root => root["system"]!.AsObject().Remove("host")), "host" },
        { Mutated(root => root["schema"] = "aibench.run/2.0"), "version '2.0'" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void Merge_refuses_a_damaged_run(string damaged, string field)
    {
        using var work = new Reporting.TempDirectory();
        var folders = Enumerable.Range(0, 3).Select(i => WriteRun(work.Path, $"node{i}", RunFileTests.SampleRun() with { RunId = $"run-{i}" })).ToList();
        File.WriteAllText(Path.Combine(folders[2], RunFile.FileName), damaged);

        AssertRefused(CliProcess.Run(work.Path, ["merge", .. folders, "--out", "fleet"]), Path.Combine(folders[2], RunFile.FileName), field);
        Assert.False(Directory.Exists(work.File("fleet")));
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void Report_refuses_a_damaged_run_and_claims_no_report(string damaged, string field)
    {
        using var work = new Reporting.TempDirectory();
        string folder = work.File("run");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, RunFile.FileName), damaged);

        CliProcess.Result result = CliProcess.Run(work.Path, "report", folder);
        AssertRefused(result, Path.Combine(folder, RunFile.FileName), field);
        Assert.DoesNotContain("report:", result.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void Run_compare_refuses_a_damaged_reference(string damaged, string field)
    {
        using var work = new Reporting.TempDirectory();
        string folder = work.File("reference");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, RunFile.FileName), damaged);

        CliProcess.Result result = CliProcess.Run(work.Path, "run", "cpu.memory", "--compare", folder, "--out", "results");
        AssertRefused(result, Path.Combine(folder, RunFile.FileName), field);
        Assert.False(Directory.Exists(work.File("results")));
    }

    [Theory]
    [InlineData("copy.json")]
    [InlineData("/dev/null")]
    public void Report_refuses_a_file_that_is_not_a_run_json_it_reported_the_run_beside_it(string given)
    {
        using var work = new Reporting.TempDirectory();
        string folder = WriteRun(work.Path, "run", RunFileTests.SampleRun());
        string file = given.StartsWith('/') ? given : Path.Combine(folder, given);
        if (!given.StartsWith('/'))
        {
            RunFile.Write(RunFileTests.SampleRun() with { RunId = "another" }, file);
        }

        AssertRefused(CliProcess.Run(work.Path, "report", file), file, "is not a run folder or a run.json");
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public void Merge_refuses_fewer_runs_than_it_can_judge()
    {
        using var work = new Reporting.TempDirectory();
        var folders = Enumerable.Range(0, 2).Select(i => WriteRun(work.Path, $"node{i}", RunFileTests.SampleRun() with { RunId = $"run-{i}" })).ToList();
        AssertRefused(CliProcess.Run(work.Path, ["merge", .. folders, "--out", "fleet"]), "merge", "at least 3 runs (got 2)");
    }

    [Fact]
    public void Merge_refuses_one_run_copied_under_two_folders()
    {
        using var work = new Reporting.TempDirectory();
        var folders = Enumerable.Range(0, 3).Select(i => WriteRun(work.Path, $"node{i}", RunFileTests.SampleRun() with { RunId = i < 2 ? "same" : "other" })).ToList();
        AssertRefused(CliProcess.Run(work.Path, ["merge", .. folders, "--out", "fleet"]), "hold the same run", "(same)");
    }

    private static void AssertRefused(CliProcess.Result result, string file, string field)
    {
        string context = $"exit {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}";
        Assert.True(result.ExitCode == 2, context);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("aibench: ", line, StringComparison.Ordinal);
        Assert.True(line.Contains(file, StringComparison.Ordinal) && line.Contains(field, StringComparison.Ordinal), context);
        Assert.DoesNotContain("Unhandled", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    private static string Mutated(Action<JsonObject> change)
    {
        JsonObject root = JsonNode.Parse(RunFileBadInputTests.ValidJson())!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    private static string WriteRun(string root, string name, Run run)
    {
        string folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        RunFile.Write(run, Path.Combine(folder, RunFile.FileName));
        return folder;
    }
}
