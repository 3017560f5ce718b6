using System.Globalization;
using AiBench.Core.Results;
using AiBench.Core.Parameters;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Cluster;

/// <summary>
/// One column of the node heatmap: a measurement key, its short label (benchmark, metric, and only the parameters
/// and labels that vary within the benchmark: <c>gpu.memory triad device=3</c>) and which way is better.
/// </summary>
public sealed record HeatmapColumn(string Key, string Label, Direction Better)
{
    /// <summary>The columns for these keys, in key order; values read by <paramref name="parameters"/> (by name when none is given).</summary>
    public static IReadOnlyList<HeatmapColumn> For(IEnumerable<string> keys, FigureDirections directions, ParameterDisplay? parameters = null)
    {
        ParameterDisplay display = parameters ?? ParameterDisplay.ByName;
        var parsed = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(k => (Key: k, Parts: MeasurementKeyParts.Parse(k))).ToList();
        var columns = new List<HeatmapColumn>(parsed.Count);
        foreach (var benchmark in parsed.GroupBy(p => p.Parts.Benchmark, StringComparer.Ordinal))
        {
            var members = benchmark.ToList();
            HashSet<string> varyingParams = Varying(members.Select(m => m.Parts.Params).ToList());
            HashSet<string> varyingLabels = Varying(members.Select(m => m.Parts.Labels).ToList());
            foreach ((string key, MeasurementKeyParts parts) in members)
            {
                IEnumerable<string> shown = parts.Params.Where(p => varyingParams.Contains(p.Key)).Select(p => $"{p.Key}={display.Value(parts.Benchmark, p.Key, KeyValue(p.Value))}")
                    .Concat(parts.Labels.Where(l => varyingLabels.Contains(l.Key)).Select(l => $"{l.Key}={l.Value}"));
                string label = string.Join(" ", new[] { parts.Benchmark, parts.Metric }.Concat(shown).Where(s => s.Length > 0));
                columns.Add(new HeatmapColumn(key, label, directions.Of(key)));
            }
        }

        return columns;
    }

    private static HashSet<string> Varying(IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> sets) =>
        sets.SelectMany(s => s.Select(p => p.Key)).Distinct(StringComparer.Ordinal)
            .Where(name => sets.Select(s => s.FirstOrDefault(p => p.Key == name).Value ?? string.Empty).Distinct(StringComparer.Ordinal).Count() > 1)
            .ToHashSet(StringComparer.Ordinal);

    // A key holds values as text; numbers go back to numbers so sizes read as written (8 GiB), as in the run's own tables.
    private static ParameterValue KeyValue(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) ? ParameterValue.Of(n) : ParameterValue.Of(text);
}
