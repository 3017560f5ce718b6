using AiBench.Reporting.Systems;
using AiBench.Reporting.Text;
using ScottPlot;

namespace AiBench.Reporting.Charts;

/// <summary>The look shared by every chart: font, colours, sizes.</summary>
internal static class ChartStyle
{
    public const int Height = 520;
    public const int MinWidth = 720;
    public const int MaxWidth = 2400;

    // Debian's fonts-dejavu-core first; SkiaSharp's NoDependencies build scans /usr/share/fonts itself (no fontconfig).
    // A missing family resolves to a fallback typeface, so a family counts only when Skia returns that very one.
    private static readonly Lazy<string?> InstalledFont = new(() => FontStack.ChartFonts.FirstOrDefault(f =>
        string.Equals(Fonts.GetTypeface(f, bold: false, italic: false)?.FamilyName, f, StringComparison.Ordinal)));

    public static readonly Color Failed = Color.FromHex("#d62728");
    public static readonly Color Whisker = Color.FromHex("#333333");

    // With no font at all Skia draws every label as nothing: a chart without axes values misleads, so refuse.
    private static readonly Lazy<bool> AnyFontInstalled = new(() =>
        InstalledFont.Value is not null || Fonts.GetTypeface(Fonts.Default, bold: false, italic: false)?.GlyphCount > 0);

    public static Color SystemColour(int system) => Color.FromHex(SystemPalette.Hex(system));

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
        if (InstalledFont.Value is { } font)
        {
            plot.Font.Set(font);
        }
    }
}
