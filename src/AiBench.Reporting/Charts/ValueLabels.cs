using ScottPlot;

namespace AiBench.Reporting.Charts;

/// <summary>
/// The median's value written above its bar, clear of the p95 whisker and the peak marker, so no line crosses a
/// number. Turned upright when it is wider than its bar.
/// </summary>
internal static class ValueLabels
{
    public const float FontSize = 11;

    private const double CharWidthPixels = 6.5;

    /// <param name="top">The highest thing drawn at this bar (whisker, peak), in axis units.</param>
    /// <param name="pad">Gap above it, in axis units.</param>
    public static void Add(Plot plot, double x, double top, double pad, string text, double barPixels)
    {
        var label = plot.Add.Text(text, x, top + pad);
        label.LabelFontSize = FontSize;
        label.LabelFontColor = Color.FromHex("#222222");
        if (text.Length * CharWidthPixels > barPixels)
        {
            label.LabelRotation = -90;
            label.LabelAlignment = Alignment.MiddleLeft;
        }
        else
        {
            label.LabelAlignment = Alignment.LowerCenter;
        }
    }
}
