using ScottPlot;

namespace AiBench.Reporting.Charts;

/// <summary>
/// The vendor peak, drawn the same way in every chart: a dark dashed segment at the peak's height, across its
/// case's bars or across a sweep. One look, one legend entry, on every page.
/// </summary>
internal static class PeakMarker
{
    public const string LegendText = "vendor peak (datasheet)";

    private static readonly Color Colour = Color.FromHex("#222222");

    public static void Add(Plot plot, double x1, double x2, double y)
    {
        var line = plot.Add.Line(x1, y, x2, y);
        line.LineColor = Colour;
        line.LineWidth = 2;
        line.LinePattern = LinePattern.Dashed;
        line.MarkerSize = 0;
    }

    public static LegendItem Legend() => new()
    {
        LabelText = LegendText,
        LineColor = Colour,
        LineWidth = 2,
        LinePattern = LinePattern.Dashed,
    };
}
