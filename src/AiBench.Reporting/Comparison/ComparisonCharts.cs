using System.Globalization;
using AiBench.Core.Results;
using AiBench.Reporting.Charts;

namespace AiBench.Reporting.Comparison;

/// <summary>
/// Charts of several runs together: every measurement gets a <c>run</c> label (<c>#1 node17</c>), so the
/// ordinary <see cref="ChartPlanner"/> draws one line per run in a sweep and one bar per case and run otherwise.
/// </summary>
public static class ComparisonCharts
{
    public const string RunLabel = "run";

    public static IReadOnlyList<ChartSpec> Plan(IReadOnlyList<Run> runs) =>
        runs.Count == 0 ? [] : ChartPlanner.Plan(Merge(runs));

    /// <summary>The short name a run has in comparison charts and table headings: its position and host.</summary>
    public static string ShortName(IReadOnlyList<Run> runs, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"#{index + 1} {runs[index].System.Host}");

    // Case-major order, so a bar chart shows each case's runs side by side.
    private static Run Merge(IReadOnlyList<Run> runs)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Measurement m in runs.SelectMany(r => r.Measurements))
        {
            order.TryAdd(m.Key, order.Count);
        }

        return runs[0] with
        {
            Measurements = runs
                .SelectMany((run, i) => run.Measurements.Select(m => (Order: order[m.Key], Run: i, Measurement: m with
                {
                    Labels = new Dictionary<string, string>(m.Labels) { [RunLabel] = ShortName(runs, i) },
                })))
                .OrderBy(t => t.Order)
                .ThenBy(t => t.Run)
                .Select(t => t.Measurement)
                .ToList(),
        };
    }
}
