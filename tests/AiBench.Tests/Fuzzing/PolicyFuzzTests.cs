using System.CommandLine;
using AiBench.Cli.Commands;
using AiBench.Core.Measuring;
using AiBench.Core.Suites;
using Xunit;
using Xunit.Abstractions;

namespace AiBench.Tests.Fuzzing;

/// <summary>
/// Mutated policy options through <see cref="PolicyOptions.Apply"/> (as the CLI parses them) and mutated <c>policy:</c>
/// and <c>cluster:</c> mappings through the suite parser: a valid policy or bad input naming the option or field.
/// </summary>
public class PolicyFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] OptionSeeds =
    [
        "--budget 5s", "--budget 0s", "--min-samples 10 --max-samples 2", "--quick --target-ci 1%", "--warmup 3 --budget 500ms",
        "--max-samples 1000 --target-ci 0.02", "--min-samples 1",
    ];

    private static readonly string[] SuiteSeeds =
    [
        "name: p\npolicy: { warmup: 1, warmup_time: 0.5s, min_samples: 3, max_samples: 20, target_ci: 2%, budget: 5s }\nbenchmarks:\n  - id: cpu.memory\n",
        "name: c\ncluster: { node_timeout: 30m, silence: 30s, fleet_z: 3.5, fleet_min_deviation: 10%, pair_min_ratio: 0.75, pair_min_line_rate: 0.8, pair_max_latency_ratio: 3, fleet_ignore: \"a/b,c\" }\nbenchmarks:\n  - id: cpu.memory\n",
    ];

    [Fact]
    public void Mutated_policy_options_give_a_valid_policy_or_are_bad_input()
    {
        var options = new PolicyOptions();
        var command = new RootCommand();
        foreach (Option option in options.All)
        {
            command.Add(option);
        }

        new FuzzTarget(output, "policy options").Run(InputMutations.From(OptionSeeds), text =>
        {
            ParseResult parse = command.Parse(text.Split(' ', StringSplitOptions.RemoveEmptyEntries), AiBench.Cli.CliParsing.Configuration());
            if (parse.Errors.Count == 0 && parse.Action is null)
            {
                // The CLI reports parse errors itself (exit 2) and a help request (-?) runs help, not the command;
                // what parses as a command must be applied or refused as bad input.
                options.Apply(parse, MeasurementPolicy.Default).Validate();
            }
        });
    }

    [Fact]
    public void Mutated_suite_policies_parse_or_are_bad_input() =>
        new FuzzTarget(output, "suite policy and cluster").Run(InputMutations.From(SuiteSeeds), text => SuiteParser.Parse(text, "fuzz.yaml"));
}
