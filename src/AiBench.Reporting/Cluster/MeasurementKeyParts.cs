namespace AiBench.Reporting.Cluster;

/// <summary>
/// A <see cref="Core.Results.Measurement.Key"/> taken apart again: <c>benchmark/metric[p=v,…]{l=v,…}</c>. The node
/// heatmap only has the keys of <see cref="Core.Cluster.NodeResult.FleetRatios"/>, and labels its columns from them.
/// </summary>
public sealed record MeasurementKeyParts(
    string Benchmark,
    string Metric,
    IReadOnlyList<KeyValuePair<string, string>> Params,
    IReadOnlyList<KeyValuePair<string, string>> Labels)
{
    /// <summary>Parses a key; text that is not in the key's form comes back whole as the metric.</summary>
    public static MeasurementKeyParts Parse(string key)
    {
        int slash = key.IndexOf('/', StringComparison.Ordinal);
        int open = key.IndexOf('[', StringComparison.Ordinal);
        int labelsOpen = key.LastIndexOf('{');
        if (slash <= 0 || open < slash || labelsOpen < open || !key.EndsWith('}') || key[labelsOpen - 1] != ']')
        {
            return new MeasurementKeyParts(string.Empty, key, [], []);
        }

        return new MeasurementKeyParts(
            key[..slash],
            key[(slash + 1)..open],
            Pairs(key[(open + 1)..(labelsOpen - 1)]),
            Pairs(key[(labelsOpen + 1)..^1]));
    }

    private static List<KeyValuePair<string, string>> Pairs(string text) =>
        text.Length == 0
            ? []
            : text.Split(',').Select(p =>
            {
                int eq = p.IndexOf('=', StringComparison.Ordinal);
                return eq < 0 ? new KeyValuePair<string, string>(p, string.Empty) : new KeyValuePair<string, string>(p[..eq], p[(eq + 1)..]);
            }).ToList();
}
