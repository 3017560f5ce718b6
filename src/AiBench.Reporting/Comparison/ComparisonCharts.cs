using AiBench.Core.Results;
using AiBench.Reporting.Charts;
using AiBench.Reporting.Systems;

namespace AiBench.Reporting.Comparison;

/// <summary>
/// Charts of several runs together: the ordinary <see cref="ChartPlanner"/> with one system per run, so a sweep
/// has one line per system and a bar chart one bar per case and system, each system in its colour throughout.
/// </summary>
public static class ComparisonCharts
{
    public static IReadOnlyList<ChartSpec> Plan(IReadOnlyList<Run> runs) => Plan(ReportedSystem.Of(runs));

    public static IReadOnlyList<ChartSpec> Plan(IReadOnlyList<ReportedSystem> systems) =>
        systems.Count == 0 ? [] : ChartPlanner.Plan(systems);
}
