using AiBench.Core.Results;

namespace AiBench.Core.Cluster;

/// <summary>
/// Names figures for a person: <c>benchmark metric</c> plus only the parameters and labels whose values differ
/// among that benchmark's figures of the same metric (<c>gpu.memory triad device=3</c>); those shared by all of
/// them say nothing about which figure it is.
/// </summary>
internal sealed class FigureNames
{
    private readonly Dictionary<string, string> _names;

    private FigureNames(Dictionary<string, string> names) => _names = names;

    /// <summary>The name of the figure with this <see cref="Measurement.Key"/>; the key itself when unknown.</summary>
    public string this[string key] => _names.TryGetValue(key, out string? name) ? name : key;

    public static FigureNames Of(IEnumerable<Measurement> measurements)
    {
        var byKey = new Dictionary<string, Measurement>(StringComparer.Ordinal);
        foreach (Measurement m in measurements)
        {
            byKey.TryAdd(m.Key, m);
        }

        var names = new Dictionary<string, string>(byKey.Count, StringComparer.Ordinal);
        foreach (var figure in byKey.GroupBy(p => (p.Value.Benchmark, p.Value.Metric)))
        {
            var members = figure.ToList();
            var varying = Varying(members.Select(p => p.Value.Params.ToDictionary(x => x.Key, x => x.Value.ToString())).ToList())
                .Select(name => (Name: name, Label: false))
                .Concat(Varying(members.Select(p => p.Value.Labels).ToList()).Select(name => (Name: name, Label: true)))
                .ToList();
            foreach ((string key, Measurement m) in members)
            {
                IEnumerable<string> parts = varying.Select(v => $"{v.Name}={Text(m, v.Name, v.Label)}");
                names[key] = string.Join(' ', new[] { m.Benchmark, m.Metric }.Concat(parts));
            }
        }

        return new FigureNames(names);
    }

    private static string Text(Measurement m, string name, bool label) =>
        label ? m.Labels.GetValueOrDefault(name) ?? "-"
        : m.Params.TryGetValue(name, out var value) ? value.ToString() : "-";

    /// <summary>Names whose value is not the same in every member (missing counts as a value of its own).</summary>
    private static IEnumerable<string> Varying(IReadOnlyList<IReadOnlyDictionary<string, string>> members) =>
        members.SelectMany(d => d.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(name => members.Select(d => d.GetValueOrDefault(name)).Distinct(StringComparer.Ordinal).Skip(1).Any());
}
