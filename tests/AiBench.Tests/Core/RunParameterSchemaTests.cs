using System.Text.Json.Nodes;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using Xunit;

namespace AiBench.Tests.Core;

/// <summary>run.json 1.1 carries each benchmark's typed parameters and what <c>auto</c> became; 1.0 files still read.</summary>
public class RunParameterSchemaTests
{
    [Fact]
    public void Parameter_descriptions_and_resolved_values_round_trip()
    {
        using var work = new Reporting.TempDirectory();
        RunFile.Write(RunFileTests.SampleRun(), work.File(RunFile.FileName));

        Run back = RunFile.Read(work.Path);

        ParameterDescription warmup = back.Benchmarks["gpu.matmul"].Find("accelerator_warmup")!;
        Assert.Equal((ParameterKind.Duration, "s", "auto"), (warmup.Kind, warmup.Unit, warmup.Default));
        Assert.Equal(["auto"], warmup.Words);
        Assert.Equal(["bf16", "fp16"], back.Benchmarks["gpu.matmul"].Find("dtype")!.AllowedValues);
        Measurement m = Assert.Single(back.Measurements);
        Assert.Equal("auto", m.Params["accelerator_warmup"].AsText());
        Assert.Equal(30, m.Resolved!["accelerator_warmup"].AsDouble());
    }

    [Fact]
    public void The_json_names_kinds_in_lower_case_under_the_1_1_schema_id()
    {
        using var work = new Reporting.TempDirectory();
        RunFile.Write(RunFileTests.SampleRun(), work.File(RunFile.FileName));
        JsonNode root = JsonNode.Parse(File.ReadAllText(work.File(RunFile.FileName)))!;

        Assert.Equal(Run.SchemaId, (string?)root["schema"]);
        JsonNode warmup = root["benchmarks"]!["gpu.matmul"]!["parameters"]![3]!;
        Assert.Equal("duration", (string?)warmup["kind"]);
        Assert.Equal("s", (string?)warmup["unit"]);
        Assert.Equal(30, (double)root["measurements"]![0]!["resolved"]!["accelerator_warmup"]!);
    }

    [Fact]
    public void A_1_0_reference_run_reads_without_descriptions()
    {
        Run old = RunFile.Read(Path.Combine(RepoPaths.Root, "results", "reference", "2026-11-26-h100-sxm5-80gb", "memory"));
        Assert.Equal("aibench.run/1", old.Schema);
        Assert.Empty(old.Benchmarks);
        Assert.All(old.Measurements, m => Assert.Null(m.Resolved));
    }

    [Fact]
    public void Sizes_and_durations_are_described_in_bytes_and_seconds_even_without_a_unit()
    {
        Assert.Equal("B", ParameterDescription.Of(new ParameterDefinition("bs", ParameterKind.Size, "4k", "block")).Unit);
        Assert.Equal("s", ParameterDescription.Of(new ParameterDefinition("ramp", ParameterKind.Duration, "2s", "ramp")).Unit);
        Assert.Null(ParameterDescription.Of(new ParameterDefinition("qd", ParameterKind.Integer, "32", "depth")).Unit);
    }

    [Fact]
    public void A_case_resolves_only_what_changed()
    {
        var definition = new ParameterDefinition("size", ParameterKind.Size, "auto", "bytes") { Words = ["auto"] };
        var threads = new ParameterDefinition("threads", ParameterKind.Integer, "4", "threads");
        BenchmarkCase c = Assert.Single(new ParameterSchema(definition, threads).Expand(new Dictionary<string, string>()));

        IReadOnlyDictionary<string, ParameterValue>? resolved = c.Resolve(("size", ParameterValue.Of(1 << 20)), ("threads", ParameterValue.Of(4)));

        Assert.Equal(1 << 20, Assert.Single(resolved!).Value.AsInt64());
        Assert.Null(c.Resolve(("threads", ParameterValue.Of(4))));
        Assert.Throws<InvalidOperationException>(() => c.Resolve(("nope", ParameterValue.Of(1))));
    }
}
