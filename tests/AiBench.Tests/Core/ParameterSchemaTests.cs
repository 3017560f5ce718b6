using AiBench.Core.Errors;
using AiBench.Core.Parameters;
using Xunit;

namespace AiBench.Tests.Core;

public class ParameterSchemaTests
{
    private static readonly ParameterSchema Schema = new(
        new ParameterDefinition("dtype", ParameterKind.Choice, "bf16", "data type") { AllowedValues = ["fp32", "bf16", "fp16"] },
        new ParameterDefinition("m", ParameterKind.Integer, "8192", "rows") { Minimum = 1 },
        new ParameterDefinition("bytes", ParameterKind.Size, "1MiB", "message size"));

    [Fact]
    public void Defaults_give_one_case()
    {
        BenchmarkCase c = Assert.Single(Schema.Expand(new Dictionary<string, string>()));
        Assert.Equal("bf16", c.GetText("dtype"));
        Assert.Equal(8192, c.GetInt64("m"));
        Assert.Equal(1 << 20, c.GetInt64("bytes"));
    }

    [Fact]
    public void Lists_and_ranges_expand_to_the_cartesian_product()
    {
        var cases = Schema.Expand(new Dictionary<string, string> { ["dtype"] = "fp32,FP16", ["bytes"] = "8..1k*2" });
        Assert.Equal(2 * 8, cases.Count);
        Assert.Equal("fp16", cases[^1].GetText("dtype"));
        Assert.Equal(new long[] { 8, 16, 32, 64, 128, 256, 512, 1024 }, cases.Take(8).Select(c => c.GetInt64("bytes")));
    }

    [Fact]
    public void Arithmetic_ranges_step_by_addition()
    {
        var cases = Schema.Expand(new Dictionary<string, string> { ["m"] = "1024..4096+1024" });
        Assert.Equal(new long[] { 1024, 2048, 3072, 4096 }, cases.Select(c => c.GetInt64("m")));
    }

    [Fact]
    public void An_arithmetic_step_takes_the_parameters_units()
    {
        var cases = Schema.Expand(new Dictionary<string, string> { ["bytes"] = "1k..3k+1k" });
        Assert.Equal(new long[] { 1024, 2048, 3072 }, cases.Select(c => c.GetInt64("bytes")));
    }

    [Theory]
    [InlineData("dtype", "int4", "not one of")]
    [InlineData("m", "0", "at least 1")]
    [InlineData("m", "many", "not a whole number")]
    [InlineData("bytes", "1x", "unknown size suffix")]
    [InlineData("bytes", "8..1k", "needs a step")]
    [InlineData("bytes", "1k..8*2", "ends before it starts")]
    [InlineData("dtype", "fp32,", "has an empty item")]
    [InlineData("dtype", "fp32,,fp16", "has an empty item")]
    [InlineData("nonsense", "1", "unknown parameter 'nonsense'")]
    public void Bad_values_name_the_parameter_and_the_problem(string name, string value, string expected)
    {
        var e = Assert.Throws<BadInputException>(() => Schema.Expand(new Dictionary<string, string> { [name] = value }));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_sweeps_are_refused()
    {
        var e = Assert.Throws<BadInputException>(() => Schema.Expand(new Dictionary<string, string> { ["m"] = "1..100000+1" }));
        Assert.Contains("more than", e.Message, StringComparison.Ordinal);
    }
}

public class ParameterWordTests
{
    private static readonly ParameterDefinition Size = new("size", ParameterKind.Size, "auto", "bytes per array") { Words = ["auto"] };

    [Fact]
    public void A_declared_word_is_kept_as_text() => Assert.Equal("auto", Size.Parse("AUTO").AsText());

    [Fact]
    public void Other_text_must_still_parse_as_the_kind()
    {
        Assert.Equal(1 << 30, Size.Parse("1G").AsInt64());
        var e = Assert.Throws<BadInputException>(() => Size.Parse("lots"));
        Assert.Contains("parameter 'size'", e.Message, StringComparison.Ordinal);
    }
}
