using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Running;
using AiBench.Core.Suites;
using Xunit;

namespace AiBench.Tests.Core;

public class SuiteAndRuleTests
{
    private const string Valid = """
        name: demo
        policy: { warmup: 0, min_samples: 2, max_samples: 4, target_ci: 5%, budget: 1s }
        benchmarks:
          - id: test.fake
            params: { size: "1k,2k" }
            rules:
              - { metric: bandwidth, min: 1 GB/s }
              - { min_efficiency: 70%, where: { size: 2048 } }
              - { max_regression: 5% }
        """;

    [Fact]
    public void A_valid_suite_parses_into_typed_rules()
    {
        Suite suite = SuiteParser.Parse(Valid, "demo.yaml");
        Assert.Equal("demo", suite.Name);
        Assert.Equal(4, suite.Policy.MaxSamples);
        SuiteEntry entry = Assert.Single(suite.Entries);
        Assert.True(entry.Required);
        Assert.Equal("1k,2k", entry.Settings["size"]);
        Assert.IsType<MinRule>(entry.Rules[0]);
        Assert.Equal(1e9, ((MinRule)entry.Rules[0]).Threshold.Value);
        Assert.Equal(0.7, ((MinEfficiencyRule)entry.Rules[1]).Minimum, 9);
        Assert.Equal("2048", entry.Rules[1].Where["size"]);
        Assert.Equal(0.05, ((MaxRegressionRule)entry.Rules[2]).Threshold, 9);
    }

    [Theory]
    [InlineData("name: x\nbenchmarks: []", "non-empty list")]
    [InlineData("name: x\nbenchmarks:\n  - params: {}", "missing 'id'")]
    [InlineData("name: x\nbenchmarks:\n  - id: a\n    rules:\n      - { min: 1, max: 2 }", "exactly one of")]
    [InlineData("name: x\nbenchmarks:\n  - id: a\n    rules:\n      - { expression: \"x > 1\" }", "unknown rule key 'expression'")]
    [InlineData("name: x\nbenchmarks:\n  - id: a\n    rules:\n      - { min: fast }", "not a number")]
    [InlineData("name: x\nbenchmarks:\n  - id: a\n    rules:\n      - { min_efficiency: 2 GB/s }", "not a fraction")]
    [InlineData("name: x\npolicy: { budget: soon }\nbenchmarks:\n  - id: a", "not a duration")]
    [InlineData("name: [unclosed", "not valid YAML")]
    [InlineData("nmae: x", "unknown suite key 'nmae'")]
    public void Suite_mistakes_are_bad_input_with_the_place(string yaml, string expected)
    {
        var e = Assert.Throws<BadInputException>(() => SuiteParser.Parse(yaml, "bad.yaml"));
        Assert.Contains("bad.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3", 3.0)]
    [InlineData("1", 1.0)]
    public void A_cluster_section_sets_the_pair_latency_limit(string text, double expected)
    {
        Suite suite = SuiteParser.Parse($"name: c\ncluster: {{ pair_max_latency_ratio: {text} }}\nbenchmarks:\n  - id: cpu.memory\n", "c.yaml");
        Assert.Equal(expected, suite.Cluster!.PairMaxLatencyRatio);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("50%")]
    [InlineData("fast")]
    public void A_pair_latency_limit_below_one_or_not_a_number_is_bad_input(string text)
    {
        var e = Assert.Throws<BadInputException>(() => SuiteParser.Parse($"name: c\ncluster: {{ pair_max_latency_ratio: {text} }}\nbenchmarks:\n  - id: cpu.memory\n", "c.yaml"));
        Assert.Contains("pair_max_latency_ratio", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_suites_parse() =>
        Assert.All(Directory.GetFiles(Path.Combine(RepoPaths.Root, "suites"), "*.yaml"), path => SuiteParser.Load(path));

    [Fact]
    public void Min_and_max_are_direction_free_thresholds_in_the_metric_unit()
    {
        var context = new RuleContext(null);
        Assert.Equal(VerdictStatus.Pass, new MinRule(AiBench.Core.Units.Quantity.Parse("1 GB/s")).Evaluate(Bandwidth(2e9), context).Status);
        Assert.Equal(VerdictStatus.Fail, new MinRule(AiBench.Core.Units.Quantity.Parse("1 GB/s")).Evaluate(Bandwidth(5e8), context).Status);
        Assert.Equal(VerdictStatus.Fail, new MaxRule(AiBench.Core.Units.Quantity.Parse("1 GB/s")).Evaluate(Bandwidth(2e9), context).Status);
        RuleOutcome mismatch = new MinRule(AiBench.Core.Units.Quantity.Parse("10 us")).Evaluate(Bandwidth(2e9), context);
        Assert.Equal(VerdictStatus.Fail, mismatch.Status);
        Assert.Contains("unit", mismatch.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Efficiency_without_a_baseline_fails()
    {
        RuleOutcome outcome = new MinEfficiencyRule(0.7).Evaluate(Bandwidth(1e9), new RuleContext(null));
        Assert.Equal(VerdictStatus.Fail, outcome.Status);
        Assert.Contains("--sku", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_compares_samples_with_the_reference_run()
    {
        Measurement before = Bandwidth(100, 101, 99, 100, 102, 98, 100, 101);
        Run reference = RunFileTests.SampleRun() with { Measurements = [before] };
        var rule = new MaxRegressionRule(0.05);
        Assert.Equal(VerdictStatus.Fail, rule.Evaluate(Bandwidth(80, 81, 79, 80, 82, 78, 80, 81), new RuleContext(reference)).Status);
        Assert.Equal(VerdictStatus.Pass, rule.Evaluate(Bandwidth(100, 100, 99, 101, 102, 98, 100, 101), new RuleContext(reference)).Status);
        Assert.Equal(VerdictStatus.None, rule.Evaluate(before, new RuleContext(null)).Status);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Regression_against_a_reference_with_samples_the_ratio_cannot_take_is_judged_without_it(double sample)
    {
        // run --compare measured the run, then threw in the ratio estimator and lost every figure (issue #10).
        Measurement unusable = Bandwidth(100) with { Samples = [sample, sample, sample, sample, sample], Stats = null };
        Run reference = RunFileTests.SampleRun() with { Measurements = [unusable] };
        RuleOutcome outcome = new MaxRegressionRule(0.05).Evaluate(Bandwidth(100, 101, 99, 100, 102), new RuleContext(reference));
        // Zero and negative samples still rank (the run is better); NaN and infinite ones leave nothing to compare.
        Assert.Equal(double.IsFinite(sample) ? VerdictStatus.Pass : VerdictStatus.None, outcome.Status);
        Assert.Contains(double.IsFinite(sample) ? "no ratio" : "cannot be compared", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_whose_measurement_is_missing_fails_the_run()
    {
        var suite = SuiteParser.Parse("""
            name: missing
            benchmarks:
              - id: test.fake
                rules:
                  - { metric: latency, max: 1 s }
            """, "missing.yaml");
        RunOutcome outcome = await Run(suite, new FakeBenchmark(2e9));
        MeasurementVerdict failure = Assert.Single(outcome.Run.RuleFailures);
        Assert.Contains("no measurement", failure.Detail, StringComparison.Ordinal);
        Assert.Equal(VerdictStatus.Fail, outcome.Run.Verdict);
        Assert.Equal(ExitCode.PerformanceFailure, outcome.ExitCode);
    }

    [Fact]
    public async Task Passing_rules_exit_zero_and_failing_ones_exit_one()
    {
        Suite Suite(string min) => SuiteParser.Parse($"name: s\nbenchmarks:\n  - id: test.fake\n    rules:\n      - {{ min: {min} }}", "s.yaml");
        RunOutcome pass = await Run(Suite("1 GB/s"), new FakeBenchmark(2e9));
        Assert.Equal(ExitCode.Pass, pass.ExitCode);
        Assert.Equal(VerdictStatus.Pass, pass.Run.Verdict);
        RunOutcome fail = await Run(Suite("3 GB/s"), new FakeBenchmark(2e9));
        Assert.Equal(ExitCode.PerformanceFailure, fail.ExitCode);
        Assert.Equal(VerdictStatus.Fail, Assert.Single(fail.Run.Measurements).Verdict!.Status);
    }

    [Fact]
    public async Task The_run_describes_the_parameters_of_each_benchmark_that_ran()
    {
        RunOutcome outcome = await Run(SuiteParser.Parse("name: s\nbenchmarks:\n  - id: test.fake", "s.yaml"), new FakeBenchmark(2e9));
        BenchmarkDescription described = outcome.Run.Benchmarks["test.fake"];
        Assert.Equal("runner test double", described.Title);
        ParameterDescription size = Assert.Single(described.Parameters);
        Assert.Equal((ParameterKind.Size, "B", "1k"), (size.Kind, size.Unit, size.Default));
    }

    [Fact]
    public async Task A_wrong_answer_fails_even_without_rules()
    {
        Suite suite = SuiteParser.Parse("name: s\nbenchmarks:\n  - id: test.fake", "s.yaml");
        RunOutcome outcome = await Run(suite, new FakeBenchmark(2e9) { Wrong = 3 });
        Assert.Equal(ExitCode.PerformanceFailure, outcome.ExitCode);
        Assert.Equal(RuleEvaluator.CorrectnessRule, Assert.Single(outcome.Run.Measurements).Verdict!.Rule);
    }

    [Theory]
    [InlineData(2.2e9, true)]    // 110% of a 2 GB/s datasheet: no hardware beats its datasheet
    [InlineData(2.08e9, false)]  // 104%: within the rounding of a datasheet and boost clocks
    public async Task A_figure_above_its_datasheet_peak_fails_as_not_physical(double value, bool fails)
    {
        Suite suite = SuiteParser.Parse("name: s\nbenchmarks:\n  - id: test.fake", "s.yaml");
        RunOutcome outcome = await Run(suite, new FakeBenchmark(value) { DatasheetPeak = 2e9 });
        MeasurementVerdict? verdict = Assert.Single(outcome.Run.Measurements).Verdict;
        Assert.Equal(fails, verdict?.Status == VerdictStatus.Fail);
        Assert.Equal(fails ? ExitCode.PerformanceFailure : ExitCode.Pass, outcome.ExitCode);
        if (fails)
        {
            Assert.Equal(RuleEvaluator.PhysicalRule, verdict!.Rule);
            Assert.Contains("not physical", verdict.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unavailable_required_benchmark_exits_3_and_an_optional_one_is_skipped()
    {
        Suite required = SuiteParser.Parse("name: s\nbenchmarks:\n  - id: test.fake\n    rules:\n      - { min: 1 }", "s.yaml");
        RunOutcome outcome = await Run(required, new FakeBenchmark(1) { Unavailable = "no CUDA device" });
        Assert.Equal(ExitCode.CouldNotRun, outcome.ExitCode);
        Assert.Equal(RunStatus.Partial, outcome.Run.Status);
        Assert.Equal("no CUDA device", Assert.Single(outcome.Run.Errors).Message);

        Suite optional = SuiteParser.Parse("name: s\nbenchmarks:\n  - id: test.fake\n    required: false\n    rules:\n      - { min: 1 }", "s.yaml");
        RunOutcome skipped = await Run(optional, new FakeBenchmark(1) { Unavailable = "no CUDA device" });
        Assert.Equal(ExitCode.Pass, skipped.ExitCode);
        Assert.Empty(skipped.Run.RuleFailures);
        Assert.Equal(RunStatus.Complete, skipped.Run.Status);
        Assert.Equal(RunErrorKind.Skipped, Assert.Single(skipped.Run.Errors).Kind);
    }

    [Fact]
    public async Task Cancellation_gives_a_partial_run_and_exit_130()
    {
        Suite suite = SuiteParser.Parse("name: s\nbenchmarks:\n  - id: test.fake", "s.yaml");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        RunOutcome outcome = await Run(suite, new FakeBenchmark(1), cts.Token);
        Assert.Equal(ExitCode.Interrupted, outcome.ExitCode);
        Assert.Equal(RunStatus.Partial, outcome.Run.Status);
    }

    [Fact]
    public void Set_overrides_must_name_a_parameter_of_some_benchmark()
    {
        Suite suite = SuiteParser.Parse("name: s\nbenchmarks:\n  - id: test.fake", "s.yaml");
        var registry = new BenchmarkRegistry([new FakeBenchmark(1)]);
        var e = Assert.Throws<BadInputException>(() => RunPlanner.Plan(suite, registry, [new("colour", "red")], AiBench.Core.Measuring.MeasurementPolicy.Quick));
        Assert.Contains("colour", e.Message, StringComparison.Ordinal);
        RunPlan plan = RunPlanner.Plan(suite, registry, [new("test.fake.size", "1k,4k")], AiBench.Core.Measuring.MeasurementPolicy.Quick);
        Assert.Equal(2, plan.TotalCases);
    }

    [Fact]
    public void Unknown_benchmarks_are_bad_input()
    {
        Suite suite = SuiteParser.Parse("name: s\nbenchmarks:\n  - id: gpu.warp-drive", "s.yaml");
        var e = Assert.Throws<BadInputException>(() => RunPlanner.Plan(suite, new BenchmarkRegistry([new FakeBenchmark(1)]), [], AiBench.Core.Measuring.MeasurementPolicy.Quick));
        Assert.Contains("unknown benchmark 'gpu.warp-drive'", e.Message, StringComparison.Ordinal);
    }

    private static Task<RunOutcome> Run(Suite suite, FakeBenchmark benchmark, CancellationToken cancellationToken = default)
    {
        RunPlan plan = RunPlanner.Plan(suite, new BenchmarkRegistry([benchmark]), [], suite.Policy);
        var options = new RunOptions { RunId = "test", Tool = new ToolInfo("0", null), Baselines = BaselineCatalogTests.Shipped() };
        return new SuiteRunner(options).RunAsync(plan, SystemInfo.Unknown, cancellationToken);
    }

    private static Measurement Bandwidth(params double[] samples) => new()
    {
        Benchmark = "test.fake", Metric = "bandwidth", Unit = "B/s", Better = Direction.Higher, Samples = samples,
        Stats = AiBench.Core.Statistics.SampleStatisticsEstimator.Estimate(samples),
    };

    /// <summary>A benchmark of the runner itself: yields a fixed figure (it measures no hardware and is never registered).</summary>
    private sealed class FakeBenchmark(double value) : IBenchmark
    {
        public string? Unavailable { get; init; }

        public long Wrong { get; init; }

        /// <summary>A datasheet peak to compare with, as a vendor baseline would give one.</summary>
        public double? DatasheetPeak { get; init; }

        public string Id => "test.fake";

        public string Title => "runner test double";

        public ParameterSchema Parameters { get; } = new(new ParameterDefinition("size", ParameterKind.Size, "1k", "bytes"));

        public Availability Probe(SystemInfo system) => Unavailable is null ? Availability.Ready : Availability.Unavailable(Unavailable);

        public async IAsyncEnumerable<Measurement> RunAsync(BenchmarkContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Measurement
            {
                Benchmark = Id, Metric = "bandwidth", Unit = "B/s", Better = Direction.Higher,
                Params = context.Case.Values, Samples = [value, value], Correct = new Correctness(10, Wrong),
                BaselineKey = DatasheetPeak is null ? null : "test.peak",
                Baseline = DatasheetPeak is { } peak ? new BaselineComparison("vendor:test", peak, value / peak) : null,
            };
        }
    }
}

public class RunTimeBadInputTests
{
    [Fact]
    public async Task A_case_the_benchmark_rejects_as_bad_input_exits_2()
    {
        Suite suite = SuiteParser.Parse("name: s\nbenchmarks:\n  - id: test.rejects", "s.yaml");
        RunPlan plan = RunPlanner.Plan(suite, new BenchmarkRegistry([new RejectingBenchmark()]), [], AiBench.Core.Measuring.MeasurementPolicy.Quick);
        var options = new RunOptions { RunId = "test", Tool = new ToolInfo("0", null), Baselines = BaselineCatalogTests.Shipped() };
        RunOutcome outcome = await new SuiteRunner(options).RunAsync(plan, SystemInfo.Unknown, CancellationToken.None);
        Assert.Equal(ExitCode.BadInput, outcome.ExitCode);
        Assert.Equal(RunErrorKind.BadInput, Assert.Single(outcome.Run.Errors).Kind);
    }

    /// <summary>Rejects its case when it runs, as storage.io does for a target path that does not exist.</summary>
    private sealed class RejectingBenchmark : IBenchmark
    {
        public string Id => "test.rejects";

        public string Title => "runner test double";

        public ParameterSchema Parameters { get; } = ParameterSchema.Empty;

        public Availability Probe(SystemInfo system) => Availability.Ready;

        public async IAsyncEnumerable<Measurement> RunAsync(BenchmarkContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            throw new BadInputException("target '/nowhere' does not exist");
#pragma warning disable CS0162 // An iterator needs a yield to be one.
            yield break;
#pragma warning restore CS0162
        }
    }
}
