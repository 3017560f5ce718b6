using System.CommandLine;
using AiBench.Cli.Composition;
using AiBench.Core.Benchmarks;
using AiBench.Core.Hosts;
using AiBench.Core.Parameters;

namespace AiBench.Cli.Commands;

/// <summary><c>aibench list</c>: every benchmark, its parameters, and whether it can run here (and why not).</summary>
internal static class ListCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("list", "List every benchmark, its parameters, and whether it can run on this machine");
        command.SetAction(_ =>
        {
            BenchmarkRegistry registry = Services.CreateRegistry();
            SystemInfo system = Services.DescribeSystem(Services.LoadBaselines(null));
            foreach (IBenchmark benchmark in registry.All)
            {
                Availability availability = benchmark.Probe(system);
                output.WriteLine($"{benchmark.Id,-14} {benchmark.Title}");
                output.WriteLine($"{"",-14} {(availability.IsReady ? "ready" : "unavailable: " + availability.Reason)}");
                foreach (ParameterDefinition p in benchmark.Parameters.Definitions)
                {
                    string allowed = p.AllowedValues is { Count: > 0 } a ? $" [{string.Join("|", a)}]" : "";
                    string unit = p.Unit is null ? "" : $" ({p.Unit})";
                    output.WriteLine($"{"",-16}{p.Name,-12} {p.Kind.ToString().ToLowerInvariant(),-8} default {p.Default}{unit}{allowed} — {p.Description}");
                }

                output.WriteLine();
            }

            output.WriteLine($"Built-in suites: {string.Join(", ", SuiteResolver.BuiltInNames)}");
            return 0;
        });
        return command;
    }
}
