using System.Globalization;
using AiBench.Core.Results;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Figures;

/// <summary>
/// The warnings a figure earns from what run.json holds: marked invalid by its benchmark, noisy (CV or CI half-width above
/// <see cref="NoiseLimit"/>), above its datasheet peak, or undefined (bus bandwidth with one rank).
/// </summary>
public static class FigureFlags
{
    /// <summary>5%: the spread at which a median is no longer a figure to publish without a caveat.</summary>
    public const double NoiseLimit = 0.05;

    public static IReadOnlyList<FigureFlag> Of(Measurement m)
    {
        var flags = new List<FigureFlag>();
        if (m.Invalid is { } invalid)
        {
            flags.Add(new FigureFlag(FigureFlagKind.Invalid, $"invalid: {invalid}"));
        }

        if (UndefinedReason(m) is { } undefined)
        {
            // An undefined figure's spread and peak mean nothing either.
            flags.Add(new FigureFlag(FigureFlagKind.Undefined, $"n/a: {undefined}"));
            return flags;
        }

        if (m.Stats is { N: >= 2 } stats)
        {
            if (stats.Cv > NoiseLimit)
            {
                flags.Add(new FigureFlag(FigureFlagKind.Noisy,
                    $"noisy: CV {InvariantNumber.Percent(stats.Cv, "0.#")} (limit {InvariantNumber.Percent(NoiseLimit, "0")})"));
            }
            else if (stats.RelativeCiHalfWidth > NoiseLimit)
            {
                double half = stats.RelativeCiHalfWidth;
                flags.Add(new FigureFlag(FigureFlagKind.Noisy,
                    $"noisy: {InvariantNumber.Percent(stats.CiLevel, "0")} CI ±{InvariantNumber.Percent(half, "0.#")} (limit ±{InvariantNumber.Percent(NoiseLimit, "0")})"));
            }
        }

        if (m.Baseline is { Efficiency: > 1 } baseline)
        {
            flags.Add(new FigureFlag(FigureFlagKind.AbovePeak,
                $"above datasheet peak: {InvariantNumber.Percent(baseline.Efficiency, "0.#")} of {baseline.Source}"));
        }

        return flags;
    }

    /// <summary>Why the figure is undefined (<c>1 rank</c>), or null when it is a real figure.</summary>
    public static string? UndefinedReason(Measurement m)
    {
        if (!m.Metric.StartsWith("busbw", StringComparison.Ordinal))
        {
            return null;
        }

        // busbw = algbw × a factor of the rank count that is 0 for one rank (nccl-tests' convention).
        string? ranks = m.Info?.GetValueOrDefault(InfoKeys.Ranks);
        if (ranks == "1" || m.Info?.GetValueOrDefault(InfoKeys.BusbwFactor) == "0")
        {
            return "1 rank";
        }

        return m.Value == 0 && m.Samples.All(s => s == 0) ? "no bus traffic" : null;
    }

    public static bool IsUndefined(Measurement m) => UndefinedReason(m) is not null;

    public static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
