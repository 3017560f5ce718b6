using AiBench.Core.Results;

namespace AiBench.Core.Fleet;

/// <summary>
/// Finds the slow node of a fleet: groups the runs' measurements by <see cref="Measurement.Key"/> (benchmark,
/// metric, parameters, labels such as the GPU index), and flags a node whose figure is worse than the fleet median
/// in the metric's direction by a robust z-score (median/MAD, so one bad node cannot hide itself by inflating
/// the spread) beyond <paramref name="zThreshold"/>, or by more than <paramref name="maxDeviation"/> relative to
/// the median. Better-than-fleet figures are never flagged. Keys seen on fewer than three nodes are not judged.
/// </summary>
public static class FleetAnalyzer
{
    public const double DefaultZThreshold = 3.5;

    public static IReadOnlyList<FleetFinding> Analyze(IReadOnlyList<Run> runs, double zThreshold = DefaultZThreshold, double? maxDeviation = null)
    {
        var findings = new List<FleetFinding>();
        var groups = runs
            .SelectMany(run => run.Measurements.Where(m => !double.IsNaN(m.Value)).Select(m => (Run: run, Measurement: m)))
            .GroupBy(x => x.Measurement.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var members = group.ToList();
            if (members.Count < 3)
            {
                continue;
            }

            double[] values = members.Select(x => x.Measurement.Value).ToArray();
            double median = Median(values);
            double mad = Median(values.Select(v => Math.Abs(v - median)).ToArray());
            foreach ((Run run, Measurement m) in members)
            {
                double sign = m.Better == Direction.Higher ? -1 : 1;   // positive = worse than the fleet
                double z = mad > 0 ? 0.6745 * (m.Value - median) / mad : 0;
                double deviation = median == 0 ? 0 : m.Value / median - 1;
                bool zOutlier = mad > 0 && sign * z > zThreshold;
                bool deviationOutlier = maxDeviation is { } limit && sign * deviation > limit;
                string reason = zOutlier && deviationOutlier ? "robust z and deviation"
                    : zOutlier ? "robust z"
                    : deviationOutlier ? "deviation"
                    : "";
                findings.Add(new FleetFinding(group.Key, m.Benchmark, m.Metric, m.Unit, run.System.Host, run.RunId,
                    m.Value, median, z, deviation, zOutlier || deviationOutlier, reason));
            }
        }

        return findings;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        int mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
