using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Measuring;
using AiBench.Core.Suites;

namespace AiBench.Cli.Composition;

/// <summary>
/// Resolves the argument of <c>aibench run</c>: a YAML file path, the name of a built-in suite
/// (<c>quick</c>), or a benchmark id (<c>cpu.memory</c>), which becomes a one-benchmark suite without rules.
/// </summary>
internal static class SuiteResolver
{
    public static IReadOnlyList<string> BuiltInNames =>
        EmbeddedFiles.Under("suites").Select(f => Path.GetFileNameWithoutExtension(f.Name)).ToList();

    public static Suite Resolve(string argument, BenchmarkRegistry registry)
    {
        if (argument.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || argument.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            || File.Exists(argument))
        {
            return File.Exists(argument)
                ? SuiteParser.Load(argument)
                : throw new BadInputException($"suite file '{argument}' does not exist");
        }

        foreach ((string name, string text) in EmbeddedFiles.Under("suites"))
        {
            if (string.Equals(Path.GetFileNameWithoutExtension(name), argument, StringComparison.OrdinalIgnoreCase))
            {
                return SuiteParser.Parse(text, $"suites/{name}");
            }
        }

        if (registry.TryGet(argument, out IBenchmark benchmark))
        {
            var entry = new SuiteEntry(benchmark.Id, new Dictionary<string, string>(), Required: true, Rules: []);
            return new Suite(benchmark.Id, benchmark.Title, MeasurementPolicy.Default, [entry]);
        }

        throw new BadInputException(
            $"'{argument}' is not a suite file, a built-in suite ({string.Join(", ", BuiltInNames)}) or a benchmark ({string.Join(", ", registry.All.Select(b => b.Id))})");
    }
}
