using AiBench.Core.Cluster;
using AiBench.Core.Errors;
using AiBench.Core.Results;

namespace AiBench.Reporting.Cluster;

/// <summary>
/// Which way is better for each measurement key of the node heatmap. <see cref="NodeResult.FleetRatios"/> holds plain
/// ratios (value / fleet median), so a latency of 1.4 is as bad as a bandwidth of 0.7; the colour needs to know which.
/// Learnt from the nodes' own runs; a key no run names falls back to its metric name.
/// </summary>
public sealed class FigureDirections
{
    // One run usually names every key; a few more cover nodes with other GPUs. Never read all 2,048.
    private const int MaxRunsRead = 16;

    private readonly Dictionary<string, Direction> _byKey;

    private FigureDirections(Dictionary<string, Direction> byKey) => _byKey = byKey;

    public static FigureDirections FromRuns(IEnumerable<Run> runs)
    {
        var byKey = new Dictionary<string, Direction>(StringComparer.Ordinal);
        foreach (Measurement m in runs.SelectMany(r => r.Measurements))
        {
            byKey.TryAdd(m.Key, m.Better);
        }

        return new FigureDirections(byKey);
    }

    /// <summary>Reads the run folders of <paramref name="result"/>'s nodes (relative to <paramref name="clusterFolder"/>) until every key is known.</summary>
    public static FigureDirections FromNodeRuns(ClusterResult result, string clusterFolder)
    {
        var wanted = result.Nodes.SelectMany(n => n.FleetRatios.Keys).ToHashSet(StringComparer.Ordinal);
        var byKey = new Dictionary<string, Direction>(StringComparer.Ordinal);
        int read = 0;
        foreach (NodeResult node in result.Nodes)
        {
            if (read >= MaxRunsRead || wanted.All(byKey.ContainsKey))
            {
                break;
            }

            if (node.RunFolder is null || !node.FleetRatios.Keys.Any(k => !byKey.ContainsKey(k)))
            {
                continue;
            }

            string runJson = Path.Combine(clusterFolder, node.RunFolder, RunFile.FileName);
            if (!File.Exists(runJson))
            {
                continue;
            }

            read++;
            try
            {
                foreach (Measurement m in RunFile.Read(runJson).Measurements)
                {
                    byKey.TryAdd(m.Key, m.Better);
                }
            }
            catch (BadInputException)
            {
                // A node's broken run.json is that node's problem; its directions fall back to the metric name.
            }
        }

        return new FigureDirections(byKey);
    }

    public Direction Of(string key) =>
        _byKey.TryGetValue(key, out Direction direction) ? direction : Guess(MeasurementKeyParts.Parse(key).Metric);

    // Times are the figures where less is better (latency, time, duration, p99_seconds).
    private static Direction Guess(string metric)
    {
        string m = metric.ToLowerInvariant();
        return m.Contains("latency", StringComparison.Ordinal) || m.Contains("time", StringComparison.Ordinal)
            || m.Contains("seconds", StringComparison.Ordinal) || m.Contains("duration", StringComparison.Ordinal)
            ? Direction.Lower
            : Direction.Higher;
    }
}
