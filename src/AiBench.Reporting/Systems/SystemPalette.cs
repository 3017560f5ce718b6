namespace AiBench.Reporting.Systems;

/// <summary>
/// One colour per system, the same in every chart and legend of a page: the Okabe–Ito palette, which stays
/// distinguishable for colour-blind readers and in greyscale print. Red is kept out: it marks failures.
/// </summary>
public static class SystemPalette
{
    private static readonly string[] Colours =
        ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    public static string Hex(int systemIndex) => Colours[systemIndex % Colours.Length];
}
