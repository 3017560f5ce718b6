using ScottPlot;

namespace AiBench.Reporting.Charts;

/// <summary>
/// Every chart's legend: one row under the plot, so a legend of one or two entries never takes half the width
/// (a right-hand legend sizes to its longest label).
/// </summary>
internal static class ChartLegend
{
    public static void Show(Plot plot, IEnumerable<LegendItem> items)
    {
        foreach (LegendItem item in items)
        {
            plot.Legend.ManualItems.Add(item);
        }

        if (plot.Legend.ManualItems.Count == 0)
        {
            return;
        }

        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
    }

    public static LegendItem System(string label, Color colour) => new() { LabelText = label, FillColor = colour };

    public static LegendItem Line(string label, Color colour, LinePattern pattern) =>
        new() { LabelText = label, LineColor = colour, LineWidth = 2, LinePattern = pattern };

    public static LegendItem Failed() => new() { LabelText = "failed its rule (red outline)", FillColor = Colors.White, OutlineColor = ChartStyle.Failed, OutlineWidth = 3 };
}
