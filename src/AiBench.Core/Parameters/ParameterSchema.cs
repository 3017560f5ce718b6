using AiBench.Core.Errors;

namespace AiBench.Core.Parameters;

/// <summary>
/// The typed parameters of a benchmark. <see cref="Expand"/> turns user settings (and defaults) into the
/// cartesian product of <see cref="BenchmarkCase"/>s; a value may be a list or a range (see <see cref="SweepText"/>).
/// </summary>
public sealed class ParameterSchema
{
    private readonly Dictionary<string, ParameterDefinition> _byName;

    public ParameterSchema(params ParameterDefinition[] definitions)
    {
        Definitions = definitions;
        _byName = definitions.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
    }

    public static ParameterSchema Empty { get; } = new();

    public IReadOnlyList<ParameterDefinition> Definitions { get; }

    public bool TryGet(string name, out ParameterDefinition definition) => _byName.TryGetValue(name, out definition!);

    /// <summary>
    /// Expands settings into cases. Unknown names and invalid values throw <see cref="BadInputException"/>.
    /// The order of cases follows the order of <see cref="Definitions"/>, the last parameter varying fastest.
    /// </summary>
    public IReadOnlyList<BenchmarkCase> Expand(IReadOnlyDictionary<string, string> settings, int maxCases = 10_000)
    {
        foreach (string name in settings.Keys)
        {
            if (!_byName.ContainsKey(name))
            {
                string known = Definitions.Count == 0 ? "none" : string.Join(", ", Definitions.Select(d => d.Name));
                throw new BadInputException($"unknown parameter '{name}' (parameters: {known})");
            }
        }

        var axes = new List<(string Name, IReadOnlyList<ParameterValue> Values)>();
        foreach (ParameterDefinition definition in Definitions)
        {
            string text = settings.FirstOrDefault(
                kv => string.Equals(kv.Key, definition.Name, StringComparison.OrdinalIgnoreCase)).Value ?? definition.Default;
            axes.Add((definition.Name, SweepText.Expand(definition, text)));
        }

        long total = 1;
        foreach ((_, IReadOnlyList<ParameterValue> values) in axes)
        {
            // Stops at the first factor past the limit, so the product can never wrap.
            total *= values.Count;
            if (total > maxCases)
            {
                string sizes = string.Join(" x ", axes.Where(a => a.Values.Count > 1).Select(a => $"{a.Name}: {a.Values.Count}"));
                throw new BadInputException($"the parameter sweep has more than {maxCases} cases ({sizes}); the limit is {maxCases}");
            }
        }

        var cases = new List<BenchmarkCase>((int)total);
        var current = new KeyValuePair<string, ParameterValue>[axes.Count];
        Fill(0);
        return cases;

        void Fill(int axis)
        {
            if (axis == axes.Count)
            {
                cases.Add(new BenchmarkCase(current));
                return;
            }

            foreach (ParameterValue value in axes[axis].Values)
            {
                current[axis] = new(axes[axis].Name, value);
                Fill(axis + 1);
            }
        }
    }
}
