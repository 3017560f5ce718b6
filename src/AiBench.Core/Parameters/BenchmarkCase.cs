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

    /// <summary>A copy with some values replaced, for benchmarks that derive sub-cases (mamf shape search).</summary>
    public BenchmarkCase With(string name, ParameterValue value)
    {
        var copy = new Dictionary<string, ParameterValue>(_values) { [name] = value };
        return new BenchmarkCase(copy);
    }

    public override string ToString() => string.Join(" ", _values.Select(kv => $"{kv.Key}={kv.Value}"));
}
