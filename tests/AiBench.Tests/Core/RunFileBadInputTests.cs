using System.Text.Json.Nodes;
using System.Text.Json;
using AiBench.Core.Errors;
using AiBench.Core.Results;
using Xunit;

namespace AiBench.Tests.Core;

/// <summary>Every kind of damaged run.json is refused with one line naming the file and the field (issue #10).</summary>
public class RunFileBadInputTests
{
    private const string Origin = "runs/node3/run.json";

    [Fact]
    public void A_truncated_file_is_bad_input()
    {
        string json = ValidJson();
        AssertRefused(json[..(json.Length / 2)], Origin);
    }

    [Fact]
    public void Invalid_json_is_bad_input() => AssertRefused("{ \"schema\": \"aibench.run/1\", runId: x }", Origin);

    [Fact]
    public void A_wrong_type_names_the_field() =>
        AssertRefused(Mutated(root => root["measurements"]![0]!["samples"] = "fast"), "$.measurements[0].samples");

    [Fact]
    public void A_null_member_names_the_field() =>
        AssertRefused(Mutated(root => root["system"] = null), "$.system");

    [Fact]
    public void A_null_list_element_names_the_element() =>
        AssertRefused(Mutated(root => root["measurements"]!.AsArray().Add(null)), "$.measurements[1]");

    [Fact]
    public void A_null_sample_names_the_sample() =>
        AssertRefused(Mutated(root => root["measurements"]![0]!["samples"]![1] = null), "$.measurements[0].samples[1]");

    [Fact]
    public void A_missing_required_member_is_named() =>
        AssertRefused(Mutated(root => root["system"]!.AsObject().Remove("cpu")), "cpu");

    [Fact]
    public void An_empty_sample_list_is_refused() =>
        AssertRefused(Mutated(root => root["measurements"]![0]!["samples"] = new JsonArray()), "$.measurements[0].samples");

    [Fact]
    public void A_number_no_double_holds_is_refused() =>
        AssertRefused(Mutated(root => root["measurements"]![0]!["samples"]![0] = "HUGE").Replace("\"HUGE\"", "7.91e400", StringComparison.Ordinal),
            "$.measurements[0].samples[0]: number 7.91e400 is out of range");

    [Fact]
    public void An_integer_written_with_a_zero_fraction_loads_as_the_schema_allows_found_by_the_fuzzer()
    {
        string json = Mutated(root => root["measurements"]![0]!["stats"]!["n"] = "N").Replace("\"N\"", "5.0", StringComparison.Ordinal);
        Assert.Equal(5, RunFile.Parse(json, Origin).Measurements[0].Stats!.N);
    }

    [Fact]
    public void An_integer_with_a_real_fraction_is_refused() =>
        AssertRefused(Mutated(root => root["measurements"]![0]!["stats"]!["n"] = "N").Replace("\"N\"", "5.5", StringComparison.Ordinal),
            "$.measurements[0].stats.n");

    [Fact]
    public void An_impossible_date_is_refused() =>
        AssertRefused(Mutated(root => root["startedAt"] = "2026-13-45T99:00:00+00:00"), "$.startedAt");

    [Fact]
    public void Major_version_2_is_refused_with_the_version() =>
        AssertRefused(Mutated(root => root["schema"] = "aibench.run/2.0"), "version '2.0' is not supported");

    [Fact]
    public void A_duplicate_property_is_refused()
    {
        string json = ValidJson();
        int brace = json.IndexOf('{', StringComparison.Ordinal);
        AssertRefused(json.Insert(brace + 1, "\"runId\": \"other\","), "runId");
    }

    [Fact]
    public void Omitted_optional_lists_read_as_empty()
    {
        Run run = RunFile.Parse(Mutated(root =>
        {
            root["system"]!.AsObject().Remove("gpus");
            root["system"]!.AsObject().Remove("nics");
            root["system"]!["cpu"]!.AsObject().Remove("flags");
            root.Remove("errors");
            root.Remove("ruleFailures");
        }), Origin);
        Assert.Empty(run.System.Gpus);
        Assert.Empty(run.System.Nics);
        Assert.Empty(run.System.Cpu.Flags);
        Assert.Empty(run.Errors);
        Assert.Empty(run.RuleFailures);
    }

    [Fact]
    public void A_file_larger_than_the_bound_is_refused_before_reading()
    {
        using var work = new Reporting.TempDirectory();
        string path = work.File("run.json");
        using (var file = new FileStream(path, FileMode.Create))
        {
            file.SetLength(AiBench.Core.Files.InputFile.DefaultMaxBytes + 1);
        }

        var e = Assert.Throws<BadInputException>(() => RunFile.Read(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("more than", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_device_is_refused_without_reading_it()
    {
        Skip.IfNot(File.Exists("/dev/zero"), "no /dev/zero: not a Unix machine");

        var e = Assert.Throws<BadInputException>(() => RunFile.Read("/dev/zero"));
        Assert.Contains("/dev/zero: empty or not a regular file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        using var work = new Reporting.TempDirectory();
        File.WriteAllText(work.File("run.json"), "");
        Assert.Throws<BadInputException>(() => RunFile.Read(work.Path));
    }

    internal static string ValidJson() => JsonSerializer.Serialize(RunFileTests.SampleRun(), RunJsonContext.Default.Run);

    private static string Mutated(Action<JsonObject> change)
    {
        JsonObject root = JsonNode.Parse(ValidJson())!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    private static void AssertRefused(string json, string expected)
    {
        var e = Assert.Throws<BadInputException>(() => RunFile.Parse(json, Origin));
        Assert.StartsWith(Origin, e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
