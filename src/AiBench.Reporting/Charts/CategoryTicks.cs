using ScottPlot;

namespace AiBench.Reporting.Charts;

/// <summary>Category labels under grouped bars, turned 45° when they would not fit side by side.</summary>
internal static class CategoryTicks
{
    private const double CharWidthPixels = 7;

    public static void Label(Plot plot, IReadOnlyList<string> cases, int pixels)
    {
        if (cases.Count == 0)
        {
            return;
        }

        plot.Axes.Bottom.SetTicks(cases.Select((_, i) => (double)i).ToArray(), cases.ToArray());
        int longest = cases.Max(c => c.Length);
        double slot = (pixels - 160.0) / cases.Count;
        if (longest * CharWidthPixels > slot)
        {
            // Turned counter-clockwise and anchored at its end, each label finishes under its own group.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            float reach = (float)Math.Min(260, longest * CharWidthPixels * 0.72);
            plot.Axes.Bottom.MinimumSize = reach + 20;

            // The first label reaches left past the y axis; leave it room.
            plot.Axes.Left.MinimumSize = Math.Max(0, reach - (float)(slot / 2));
        }
    }
}
