using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Core.Suites;

namespace AiBench.Core.Running;

/// <summary>
/// Turns a suite plus command-line settings into a <see cref="RunPlan"/>, failing early with
/// <see cref="BadInputException"/> on unknown benchmarks, unknown parameters or invalid values.
/// A setting <c>name=value</c> applies to every benchmark that has that parameter; <c>id.name=value</c> to one.
/// </summary>
public static class RunPlanner
{
    public static RunPlan Plan(Suite suite, BenchmarkRegistry registry, IReadOnlyList<KeyValuePair<string, string>> overrides,
        MeasurementPolicy policy)
    {
        policy.Validate();
        var benchmarks = suite.Entries.Select(e => registry.Get(e.BenchmarkId)).ToList();
        foreach ((string name, _) in overrides)
        {
            bool used = benchmarks.Any(b => Targets(b, name, out _));
            if (!used)
            {
                throw new BadInputException(
                    $"--set {name}: no benchmark in '{suite.Name}' has a parameter '{name}' ({ParameterList(benchmarks)})");
            }
        }

        var planned = new List<PlannedBenchmark>();
        for (int i = 0; i < suite.Entries.Count; i++)
        {
            SuiteEntry entry = suite.Entries[i];
            IBenchmark benchmark = benchmarks[i];
            var settings = new Dictionary<string, string>(entry.Settings, StringComparer.OrdinalIgnoreCase);
            foreach ((string name, string value) in overrides)
            {
                if (Targets(benchmark, name, out string parameter))
                {
                    settings[parameter] = value;
                }
            }

            IReadOnlyList<BenchmarkCase> cases;
            try
            {
                cases = benchmark.Parameters.Expand(settings);
            }
            catch (BadInputException e)
            {
                throw new BadInputException($"{benchmark.Id}: {e.Message}");
            }

            planned.Add(new PlannedBenchmark(benchmark, cases, entry.Required, entry.Rules));
        }

        return new RunPlan(suite.Name, policy, planned);
    }

    private static bool Targets(IBenchmark benchmark, string name, out string parameter)
    {
        parameter = name;
        string prefix = benchmark.Id + ".";
        if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            parameter = name[prefix.Length..];
        }
        else if (name.Contains('.', StringComparison.Ordinal) && !benchmark.Parameters.TryGet(name, out _))
        {
            return false;
        }

        return benchmark.Parameters.TryGet(parameter, out _);
    }

    private static string ParameterList(IEnumerable<IBenchmark> benchmarks) =>
        string.Join("; ", benchmarks.Select(b =>
            $"{b.Id}: {(b.Parameters.Definitions.Count == 0 ? "none" : string.Join(", ", b.Parameters.Definitions.Select(d => d.Name)))}"));
}
