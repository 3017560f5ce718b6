using System.Globalization;
using AiBench.Core.Results;

namespace AiBench.Reporting.Cluster;

/// <summary>
/// The diverging colour scale of both heatmaps: white at the fleet median (1.0), red the worse it gets, blue the
/// better, saturating at ±<see cref="Span"/>. Lower-is-better figures are turned round first, so red always means worse.
/// </summary>
public static class RatioColour
{
    /// <summary>How far from 1.0 the colour saturates: 0.70 is full red, 1.30 full blue.</summary>
    public const double Span = 0.30;

    // ColorBrewer RdBu (colour-blind safe), worst to best.
    private static readonly (double At, byte R, byte G, byte B)[] Stops =
    [
        (-1.0, 0xb2, 0x18, 0x2b),
        (-0.5, 0xef, 0x8a, 0x62),
        (0.0, 0xf7, 0xf7, 0xf7),
        (0.5, 0x67, 0xa9, 0xcf),
        (1.0, 0x21, 0x66, 0xac),
    ];

    /// <summary>The ratio turned so that above 1 is better: a latency 1.4 × the median reads 0.71.</summary>
    public static double Goodness(double ratio, Direction better) =>
        better == Direction.Higher ? ratio : ratio > 0 ? 1 / ratio : double.PositiveInfinity;

    /// <summary>Where on the scale a goodness falls, −1 (worst) to 1 (best).</summary>
    public static double Position(double goodness) =>
        double.IsNaN(goodness) ? 0 : Math.Clamp((goodness - 1) / Span, -1, 1);

    /// <summary>The fill for a goodness, <c>#rrggbb</c>.</summary>
    public static string Fill(double goodness)
    {
        double t = Position(goodness);
        for (int i = 1; i < Stops.Length; i++)
        {
            if (t <= Stops[i].At)
            {
                (double at0, byte r0, byte g0, byte b0) = Stops[i - 1];
                (double at1, byte r1, byte g1, byte b1) = Stops[i];
                double f = (t - at0) / (at1 - at0);
                return Hex(Mix(r0, r1, f), Mix(g0, g1, f), Mix(b0, b1, f));
            }
        }

        return Hex(Stops[^1].R, Stops[^1].G, Stops[^1].B);
    }

    /// <summary>Dark cells get white text.</summary>
    public static string TextFill(double goodness) => Math.Abs(Position(goodness)) > 0.6 ? "#fff" : "#222";

    private static byte Mix(byte a, byte b, double f) => (byte)Math.Round(a + (b - a) * f);

    private static string Hex(byte r, byte g, byte b) => string.Create(CultureInfo.InvariantCulture, $"#{r:x2}{g:x2}{b:x2}");
}
