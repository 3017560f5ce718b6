using AiBench.Core.Errors;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Core.Suites;
using AiBench.Core.Units;
using Xunit;

namespace AiBench.Tests.Core;

/// <summary>Inputs that once crashed, hung or ran out of memory (issue #10): each now ends as one line of bad input.</summary>
public class BadInputRegressionTests
{
    private static readonly ParameterDefinition Size = new("size", ParameterKind.Size, "4k", "a size") { Minimum = 8 };
    private static readonly ParameterDefinition Kernel = new("kernel", ParameterKind.Choice, "copy", "a kernel") { AllowedValues = ["copy", "triad"] };

    private static string Refused(Action call)
    {
        var e = Assert.Throws<BadInputException>(call);
        Assert.DoesNotContain('\n', e.Message);
        return e.Message;
    }

    [Fact]
    public void An_unclosed_flow_mapping_was_an_InvalidOperationException_from_the_YAML_scanner() =>
        Assert.Contains("s.yaml: not valid YAML near line 3",
            Refused(() => SuiteParser.Parse("name: x\npolicy: { budget: 2s\nbenchmarks:\n  - id: cpu.memory\n", "s.yaml")), StringComparison.Ordinal);

    [Fact]
    public void Nesting_5000_deep_is_refused_before_the_node_builder_recurses() =>
        Assert.Contains("nested deeper than", Refused(() => SuiteParser.Parse("a: " + new string('[', 5000), "s.yaml")), StringComparison.Ordinal);

    [Fact]
    public void Aliases_are_refused() =>
        Assert.Contains("aliases", Refused(() => SuiteParser.Parse("name: &a x\nbenchmarks: *a\n", "s.yaml")), StringComparison.Ordinal);

    [Fact]
    public void A_mapping_used_as_a_params_key_was_an_InvalidCastException() =>
        Refused(() => SuiteParser.Parse("name: x\nbenchmarks:\n  - id: a\n    params: { [k]: v }\n", "s.yaml"));

    [Fact]
    public void Dev_zero_is_refused_before_reading_it_ran_out_of_memory() =>
        Assert.Contains("character device", Refused(() => SuiteFile.Read("/dev/zero")), StringComparison.Ordinal);

    [Fact]
    public void A_suite_above_1_MiB_is_refused()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("aibench-big").FullName, "big.yaml");
        File.WriteAllText(path, "name: x\n#" + new string('x', SuiteFile.MaxBytes));
        Assert.Contains("larger than 1024 KiB", Refused(() => SuiteFile.Read(path)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_suite_saved_with_a_byte_order_mark_is_read_it_was_refused_as_an_unknown_key()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("aibench-bom").FullName, "bom.yaml");
        File.WriteAllText(path, "name: bom\nbenchmarks:\n  - id: cpu.memory\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal("bom", SuiteParser.Parse(SuiteFile.Read(path), path).Name);
    }

    [Fact]
    public void Rule_and_policy_errors_name_their_path()
    {
        Assert.StartsWith("s.yaml: benchmarks[0].rules[1].min: ", Refused(() => SuiteParser.Parse(
            "name: x\nbenchmarks:\n  - id: a\n    rules:\n      - { min: 1 }\n      - { min: 1e999 }\n", "s.yaml")), StringComparison.Ordinal);
        Assert.Equal("s.yaml: policy.budget must be positive, got 0s", Refused(() => SuiteParser.Parse(
            "name: x\npolicy: { budget: 0s }\nbenchmarks:\n  - id: a\n", "s.yaml")));
        Assert.Equal("s.yaml: policy.min_samples 10 is above s.yaml: policy.max_samples 2", Refused(() => SuiteParser.Parse(
            "name: x\npolicy: { min_samples: 10, max_samples: 2 }\nbenchmarks:\n  - id: a\n", "s.yaml")));
        Assert.Contains("s.yaml: cluster.silence", Refused(() => SuiteParser.Parse(
            "name: x\ncluster: { silence: 0s }\nbenchmarks:\n  - id: a\n", "s.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_duration_beyond_TimeSpan_was_an_OverflowException() =>
        Assert.Throws<FormatException>(() => DurationText.Parse("99999999999h"));

    [Fact]
    public void Four_hundred_digits_read_as_infinity_and_are_refused() =>
        Numbers_that_do_not_fit_a_double_are_refused_by_every_unit_parser(new string('9', 400));

    [Theory]
    [InlineData("1e999")]
    [InlineData("\u0663")]
    public void Numbers_that_do_not_fit_a_double_are_refused_by_every_unit_parser(string text)
    {
        Assert.Throws<FormatException>(() => Quantity.Parse(text));
        Assert.Throws<FormatException>(() => DataRate.ParseBytesPerSecond(text + "GB/s"));
        Assert.Throws<FormatException>(() => ByteSize.Parse(text));
    }

    [Fact]
    public void A_size_at_2_to_the_63_was_wrapped_by_the_checked_long_conversion() =>
        Assert.Contains("8 PiB", Refused(() => Size.Parse("9223372036854775807")), StringComparison.Ordinal);

    [Fact]
    public void Repeated_sweep_values_are_refused() =>
        Assert.Contains("twice", Refused(() => SweepText.Expand(Kernel, "triad,triad")), StringComparison.Ordinal);

    [Fact]
    public void A_sweep_whose_product_overflows_64_bits_is_refused_not_wrapped()
    {
        var schema = new ParameterSchema([.. Enumerable.Range(0, 8).Select(i => new ParameterDefinition($"p{i}", ParameterKind.Integer, "1", "n"))]);
        var settings = Enumerable.Range(0, 8).ToDictionary(i => $"p{i}", _ => "1..4096+1");
        Assert.Contains("more than 10000 cases", Refused(() => schema.Expand(settings)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_step_that_is_not_finite_is_refused() =>
        Refused(() => SweepText.Expand(Size, "8..1G*NaN"));

    [Fact]
    public void A_zero_budget_names_the_field_and_prints_the_value_once() =>
        Assert.Equal("policy budget must be positive, got 0s",
            Refused(() => (MeasurementPolicy.Default with { CaseBudget = TimeSpan.Zero }).Validate()));

    [Fact]
    public void A_newline_in_quoted_input_stays_on_one_line() =>
        Assert.Contains("\\n", Refused(() => Kernel.Parse("tri\nad")), StringComparison.Ordinal);

    [Fact]
    public void A_long_run_of_digits_took_minutes_in_the_quantity_regex_found_by_the_fuzzer()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Throws<FormatException>(() => Quantity.Parse(new string('1', 100_000) + "!"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }
}
