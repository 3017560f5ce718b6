using AiBench.Core.Parameters;
using AiBench.Core.Results;

namespace AiBench.Reporting.Text;

/// <summary>
/// How the parameters of a run read in reports and charts: by the kinds and units its run.json describes (1.1).
/// A benchmark the file does not describe (a 1.0 file) falls back to guessing from parameter names.
/// </summary>
public sealed class ParameterDisplay
{
    private readonly IReadOnlyDictionary<string, BenchmarkDescription> _benchmarks;

    private ParameterDisplay(IReadOnlyDictionary<string, BenchmarkDescription> benchmarks) => _benchmarks = benchmarks;

    /// <summary>No descriptions at all: every value read by its parameter's name (figure keys without their runs).</summary>
    public static ParameterDisplay ByName { get; } = new(new Dictionary<string, BenchmarkDescription>());

    public static ParameterDisplay Of(Run run) => new(run.Benchmarks);

    /// <summary>Several runs (a comparison, a fleet): the first run that describes a benchmark describes it.</summary>
    public static ParameterDisplay Of(IEnumerable<Run> runs)
    {
        var benchmarks = new Dictionary<string, BenchmarkDescription>(StringComparer.Ordinal);
        foreach ((string id, BenchmarkDescription description) in runs.SelectMany(r => r.Benchmarks))
        {
            benchmarks.TryAdd(id, description);
        }

        return new ParameterDisplay(benchmarks);
    }

    /// <summary><c>8 MiB</c> for a size, <c>30 s</c> for a duration, the stored text otherwise.</summary>
    public string Value(string benchmark, string name, ParameterValue value) =>
        _benchmarks.TryGetValue(benchmark, out BenchmarkDescription? described)
            ? ParameterValueText.Format(described.Find(name), value)
            : ParameterValueText.FormatByName(name, value);

    /// <summary>
    /// <c>dtype=bf16, size=auto (256 MiB)</c>, in the benchmark's own parameter order: a value the benchmark resolved
    /// follows the one asked for.
    /// </summary>
    public string Params(Measurement m, Func<string, bool>? include = null) =>
        string.Join(", ", m.Params.Where(p => include?.Invoke(p.Key) ?? true).Select(p => $"{p.Key}={ResolvedValue(m, p.Key, p.Value)}"));

    /// <summary>The value as asked, with what it became where the benchmark chose it: <c>auto (256 MiB)</c>.</summary>
    public string ResolvedValue(Measurement m, string name, ParameterValue value)
    {
        string asked = Value(m.Benchmark, name, value);
        return m.Resolved is { } resolved && resolved.TryGetValue(name, out ParameterValue chosen)
            ? $"{asked} ({Value(m.Benchmark, name, chosen)})"
            : asked;
    }

    /// <summary>True for a parameter whose value is a number of bytes.</summary>
    public bool IsByteSize(string benchmark, string name) =>
        _benchmarks.TryGetValue(benchmark, out BenchmarkDescription? described)
            ? described.Find(name)?.Kind == ParameterKind.Size
            : ParameterNames.IsByteSize(name);

    /// <summary>True for a parameter usually swept by a factor: a size, or a count or dimension (a whole number).</summary>
    public bool IsSizeLike(string benchmark, string name) =>
        _benchmarks.TryGetValue(benchmark, out BenchmarkDescription? described)
            ? described.Find(name)?.Kind is ParameterKind.Size or ParameterKind.Integer
            : ParameterNames.IsSizeLike(name);

    /// <summary>Preference among several swept size-like parameters: sizes first, then the benchmark's own order.</summary>
    public int SweepPriority(string benchmark, string name)
    {
        if (!_benchmarks.TryGetValue(benchmark, out BenchmarkDescription? described))
        {
            return ParameterNames.SweepPriority(name);
        }

        int index = described.Parameters.ToList().FindIndex(p => p.Name == name);
        bool isSize = index >= 0 && described.Parameters[index].Kind == ParameterKind.Size;
        return (isSize ? 0 : described.Parameters.Count) + (index >= 0 ? index : described.Parameters.Count);
    }
}
