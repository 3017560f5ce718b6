using AiBench.Core.Benchmarks;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Reporting.Text;

namespace AiBench.Cli.Console;

/// <summary>
/// A case as the progress display names it: only the parameters that differ from the benchmark's defaults
/// (storage.s3 has two dozen; run.json keeps them all).
/// </summary>
internal static class CaseText
{
    public static string For(IBenchmark benchmark, BenchmarkCase benchmarkCase)
    {
        IEnumerable<string> changed = benchmarkCase.Values
            .Where(p => !IsDefault(benchmark, p.Key, p.Value))
            .Select(p => $"{p.Key}={Value(benchmark, p.Key, p.Value)}");
        string text = string.Join(" ", changed);
        return text.Length > 0 ? $"{benchmark.Id} {text}" : $"{benchmark.Id} (defaults)";
    }

    // The benchmark is at hand, so its own definitions say the unit (part-size=8 MiB, duration=10 s).
    private static string Value(IBenchmark benchmark, string name, ParameterValue value) =>
        ParameterValueText.Format(
            benchmark.Parameters.TryGet(name, out ParameterDefinition definition) ? ParameterDescription.Of(definition) : null, value);

    private static bool IsDefault(IBenchmark benchmark, string name, ParameterValue value)
    {
        if (!benchmark.Parameters.TryGet(name, out ParameterDefinition definition))
        {
            return false;
        }

        try
        {
            return definition.Parse(definition.Default).ToString() == value.ToString();
        }
        catch (AiBench.Core.Errors.BadInputException)
        {
            return false; // a default that is itself a sweep ("put,get"): each case differs from it
        }
    }
}
