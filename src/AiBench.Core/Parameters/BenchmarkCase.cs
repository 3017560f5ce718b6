using AiBench.Core.Errors;

namespace AiBench.Core.Parameters;

/// <summary>One point of a parameter sweep: every parameter of the benchmark with one value.</summary>
public sealed class BenchmarkCase
{
    private readonly SortedDictionary<string, ParameterValue> _values;

    public BenchmarkCase(IEnumerable<KeyValuePair<string, ParameterValue>> values)
    {
        _values = new SortedDictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach ((string name, ParameterValue value) in values)
        {
            _values[name] = value;
        }
    }

    public IReadOnlyDictionary<string, ParameterValue> Values => _values;

    public ParameterValue this[string name] =>
        _values.TryGetValue(name, out ParameterValue v) ? v : throw new BadInputException($"missing parameter '{name}'");

    public long GetInt64(string name) => this[name].AsInt64();

    /// <summary>
    /// The number, or null when the value is one of the parameter's declared words (<c>auto</c>): the schema has
    /// already parsed and range-checked it, so benchmarks never re-parse the text.
    /// </summary>
    public long? GetOptionalInt64(string name) => this[name].IsNumber ? this[name].AsInt64() : null;

    public int GetInt32(string name) => this[name].AsInt32();

    public double GetDouble(string name) => this[name].AsDouble();

    public string GetText(string name) => this[name].AsText();

    public bool GetBoolean(string name) => this[name].AsBoolean();

    /// <summary>
    /// The values a benchmark chose for this case (<c>size=auto</c> → the bytes it used, <c>threads=0</c> → the thread
    /// count), keeping only those that differ from the case's own, for <see cref="Results.Measurement.Resolved"/>;
    /// null when none differ. Naming a parameter the case lacks is a benchmark bug.
    /// </summary>
    public IReadOnlyDictionary<string, ParameterValue>? Resolve(params (string Name, ParameterValue Value)[] chosen)
    {
        var resolved = new SortedDictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach ((string name, ParameterValue value) in chosen)
        {
            if (!_values.TryGetValue(name, out ParameterValue asked))
            {
                throw new InvalidOperationException($"the case has no parameter '{name}' to resolve");
            }

            if (asked != value)
            {
                resolved[name] = value;
            }
        }

        return resolved.Count > 0 ? resolved : null;
    }

    /// <summary>A copy with some values replaced, for benchmarks that derive sub-cases (mamf shape search).</summary>
    public BenchmarkCase With(string name, ParameterValue value)
    {
        var copy = new Dictionary<string, ParameterValue>(_values) { [name] = value };
        return new BenchmarkCase(copy);
    }

    public override string ToString() => string.Join(" ", _values.Select(kv => $"{kv.Key}={kv.Value}"));
}
