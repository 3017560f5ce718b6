using ScottPlot;

namespace AiBench.Reporting.Charts;

/// <summary>The look shared by every chart: font, colours, sizes.</summary>
internal static class ChartStyle
{
    public const int Height = 520;
    public const int MinWidth = 720;
    public const int MaxWidth = 2400;

    // Debian's fonts-dejavu-core; SkiaSharp's NoDependencies build scans /usr/share/fonts itself (no fontconfig).
    private const string PreferredFont = "DejaVu Sans";

    public static readonly Color Measured = Color.FromHex("#1f77b4");
    public static readonly Color Failed = Color.FromHex("#d62728");
    public static readonly Color Peak = Color.FromHex("#7f7f7f");
    public static readonly Color Whisker = Color.FromHex("#333333");

    // A missing family resolves to a fallback typeface; only switch when the real one is installed.
    private static readonly Lazy<bool> PreferredFontInstalled = new(() =>
        string.Equals(Fonts.GetTypeface(PreferredFont, bold: false, italic: false)?.FamilyName, PreferredFont, StringComparison.Ordinal));

    // With no font at all Skia draws every label as nothing: a chart without axes values misleads, so refuse.
    private static readonly Lazy<bool> AnyFontInstalled = new(() =>
        PreferredFontInstalled.Value || Fonts.GetTypeface(Fonts.Default, bold: false, italic: false)?.GlyphCount > 0);

    public static void EnsureTextCanBeDrawn()
    {
        if (!AnyFontInstalled.Value)
        {
            throw new InvalidOperationException(
                "no font found under /usr/share/fonts, so charts would have no text (Debian/Ubuntu: apt-get install fonts-dejavu-core)");
        }
    }

    public static void Apply(Plot plot)
    {
        if (PreferredFontInstalled.Value)
        {
            plot.Font.Set(PreferredFont);
        }
    }
}
