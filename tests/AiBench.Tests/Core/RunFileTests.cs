using System.Text.Json.Nodes;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using Xunit;

namespace AiBench.Tests.Core;

public class RunFileTests
{
    internal static Run SampleRun() => new()
    {
        RunId = "2026-11-26T14-02-11Z-node17-3f9a",
        Status = RunStatus.Complete,
        Verdict = VerdictStatus.Fail,
        Tool = new ToolInfo("0.1.0", "abc1234"),
        Suite = "acceptance",
        StartedAt = DateTimeOffset.Parse("2026-11-26T14:02:11Z"),
        FinishedAt = DateTimeOffset.Parse("2026-11-26T14:05:00Z"),
        System = SystemInfo.Unknown with
        {
            Host = "node17",
            Gpus = [new GpuInfo { Index = 0, Name = "NVIDIA H100 80GB HBM3", Sku = "h100-sxm5-80gb" }],
        },
        Benchmarks = new Dictionary<string, BenchmarkDescription>
        {
            ["gpu.matmul"] = new("GPU matrix multiply",
            [
                new ParameterDescription("dtype", ParameterKind.Choice, "bf16", "element type") { AllowedValues = ["bf16", "fp16"] },
                new ParameterDescription("m", ParameterKind.Integer, "8192", "rows"),
                new ParameterDescription("check", ParameterKind.Boolean, "true", "check the product"),
                new ParameterDescription("accelerator_warmup", ParameterKind.Duration, "auto", "warm-up") { Unit = "s", Words = ["auto"] },
            ]),
        },
        Measurements =
        [
            new Measurement
            {
                Benchmark = "gpu.matmul", Metric = "throughput", Unit = "FLOP/s", Better = Direction.Higher,
                Params = new Dictionary<string, ParameterValue>
                {
                    ["dtype"] = ParameterValue.Of("bf16"), ["m"] = ParameterValue.Of(8192), ["check"] = ParameterValue.Of(true),
                    ["accelerator_warmup"] = ParameterValue.Of("auto"),
                },
                Resolved = new Dictionary<string, ParameterValue> { ["accelerator_warmup"] = ParameterValue.Of(30) },
                Labels = new Dictionary<string, string> { ["device"] = "0" },
                Samples = [7.91e14, 7.93e14],
                Stats = SampleStatisticsEstimator.Estimate([7.91e14, 7.93e14]),
                Correct = new Correctness(4096, 0),
                Baseline = new BaselineComparison("vendor:h100-sxm5-80gb", 9.895e14, 0.80),
                Verdict = new MeasurementVerdict(VerdictStatus.Pass, "efficiency >= 0.70"),
            },
        ],
        Errors = [new RunError("gpu.memory", RunErrorKind.Unavailable, "no CUDA device")],
    };

    [Fact]
    public void A_run_round_trips_through_json()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string path = Path.Combine(dir, "run.json");
        Run run = SampleRun();
        RunFile.Write(run, path);
        Run back = RunFile.Read(dir);
        Assert.Equal(run.RunId, back.RunId);
        Assert.Equal(run.Verdict, back.Verdict);
        Measurement m = Assert.Single(back.Measurements);
        Assert.Equal("bf16", m.Params["dtype"].AsText());
        Assert.Equal(8192, m.Params["m"].AsInt64());
        Assert.True(m.Params["check"].AsBoolean());
        Assert.Equal([7.91e14, 7.93e14], m.Samples);
        Assert.Equal(0.80, m.Baseline!.Efficiency);
        Assert.Equal("no CUDA device", Assert.Single(back.Errors).Message);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Fact]
    public void The_json_uses_the_documented_field_names()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        RunFile.Write(SampleRun(), Path.Combine(dir, "run.json"));
        JsonNode root = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "run.json")))!;
        Assert.Equal(Run.SchemaId, (string?)root["schema"]);
        Assert.Equal("complete", (string?)root["status"]);
        Assert.Equal("fail", (string?)root["verdict"]);
        JsonNode m = root["measurements"]![0]!;
        Assert.Equal("higher", (string?)m["better"]);
        Assert.Equal(8192, (double)m["params"]!["m"]!);
        Assert.Equal("0", (string?)m["labels"]!["device"]);
        Assert.Equal(4096, (long)m["correct"]!["checked"]!);
        Assert.Equal("vendor:h100-sxm5-80gb", (string?)m["baseline"]!["source"]);
        Assert.Equal("pass", (string?)m["verdict"]!["status"]);
        Assert.NotNull(m["stats"]!["median"]);
        Assert.NotNull(m["stats"]!["p5"]);
        Assert.NotNull(m["stats"]!["cv"]);
    }

    [Theory]
    [InlineData("aibench.run/2", "not supported")]
    [InlineData("aibench.run/x", "not supported")]
    [InlineData("other/1", "not an AiBench run schema")]
    public void Unknown_major_versions_are_rejected_clearly(string schema, string expected)
    {
        string json = $$"""{ "schema": "{{schema}}", "runId": "x" }""";
        var e = Assert.Throws<BadInputException>(() => RunFile.Parse(json, "run.json"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minor_version_of_the_same_major_is_read()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        RunFile.Write(SampleRun(), Path.Combine(dir, "run.json"));
        string json = File.ReadAllText(Path.Combine(dir, "run.json")).Replace(Run.SchemaId, "aibench.run/1.3", StringComparison.Ordinal);
        Assert.Equal("node17", RunFile.Parse(json).System.Host);
    }

    [Fact]
    public void Garbage_is_bad_input() =>
        Assert.Throws<BadInputException>(() => RunFile.Parse("{ not json", "run.json"));
}
