using AiBench.Benchmarks;
using AiBench.Cli.Commands;
using AiBench.Core.Benchmarks;
using AiBench.Core.Measuring;
using AiBench.Core.Running;
using AiBench.Core.Suites;
using Xunit;
using Xunit.Abstractions;

namespace AiBench.Tests.Fuzzing;

/// <summary>
/// Mutated <c>--set</c> arguments (one per line) through <see cref="SettingParser"/> and <see cref="RunPlanner.Plan"/>
/// against every real benchmark, so each parameter kind's parser and the sweep expansion are reached.
/// </summary>
public class SettingsFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Seeds =
    [
        "size=8..8G*2", "kernel=copy,triad", "dtype=bf16", "cpu.memory.size=16MiB", "size=1024..8192+1024",
        "m=8k\nn=4096\nk=1024", "dtype=bf16,fp16\nsize=1M..1G*4", "threads=1..64*2", "duration=500ms", "block_size=4k,1M",
        "cpu.gemm.m=256\ncpu.gemm.n=256", "iodepth=1..256*4", "size=1..10+0.5",
    ];

    [Fact]
    public void Mutated_settings_plan_or_are_bad_input()
    {
        var registry = new BenchmarkRegistry(BuiltInBenchmarks.Create());
        var entries = registry.All.Select(b => new SuiteEntry(b.Id, new Dictionary<string, string>(), true, [])).ToList();
        var suite = new Suite("fuzz", null, MeasurementPolicy.Quick, entries);
        // Up to 10,000 cases for each of several benchmarks sharing a parameter name: a plan is legitimately large.
        new FuzzTarget(output, "--set through RunPlanner.Plan") { AllocationLimit = 512L << 20 }.Run(
            InputMutations.From(Seeds),
            text => RunPlanner.Plan(suite, registry, SettingParser.Parse(text.Split('\n')), suite.Policy));
    }
}
