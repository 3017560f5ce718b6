using AiBench.Core.Results;
using AiBench.Reporting.Figures;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Summary;

/// <summary>
/// The paragraph at the top of a report: the verdict, how many figures, the best and worst figure against its
/// datasheet peak, and what was flagged, so a reader who stops there knows what the page says.
/// </summary>
public static class RunSummary
{
    public static string Paragraph(Run run, string label)
    {
        int benchmarks = run.Measurements.Select(m => m.Benchmark).Distinct(StringComparer.Ordinal).Count();
        string errors = run.Errors.Count > 0 ? ", " + FigureFlags.Count(run.Errors.Count, "error") : string.Empty;
        var sentences = new List<string>
        {
            $"{label}: verdict {EnumText.Of(run.Verdict)}, {FigureFlags.Count(run.Measurements.Count, "figure")} from {FigureFlags.Count(benchmarks, "benchmark")}{errors}.",
        };
        var againstPeak = run.Measurements.Where(m => m.Baseline is not null && !FigureFlags.IsUndefined(m)).ToList();
        if (againstPeak.Count > 0)
        {
            Measurement best = againstPeak.MaxBy(m => m.Baseline!.Efficiency)!;
            Measurement worst = againstPeak.MinBy(m => m.Baseline!.Efficiency)!;
            sentences.Add(againstPeak.Count == 1
                ? $"Against the datasheet: {Figure(best)}."
                : $"Against the datasheet, best: {Figure(best)}; worst: {Figure(worst)}.");
        }

        sentences.Add(Flagged(run.Measurements));
        return string.Join(" ", sentences);
    }

    /// <summary>What the flags say across these figures, as one sentence.</summary>
    public static string Flagged(IReadOnlyCollection<Measurement> measurements)
    {
        var flags = measurements.SelectMany(FigureFlags.Of).GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count());
        var parts = new List<string>();
        if (flags.GetValueOrDefault(FigureFlagKind.Invalid) is > 0 and var invalid)
        {
            parts.Add($"{FigureFlags.Count(invalid, "invalid figure")} (the benchmark says what it measured instead)");
        }

        if (flags.GetValueOrDefault(FigureFlagKind.AbovePeak) is > 0 and var above)
        {
            parts.Add($"{FigureFlags.Count(above, "figure")} above the datasheet peak (not physical: check what is counted)");
        }

        if (flags.GetValueOrDefault(FigureFlagKind.Noisy) is > 0 and var noisy)
        {
            parts.Add($"{FigureFlags.Count(noisy, "noisy figure")} (CV or CI half-width above {InvariantNumber.Percent(FigureFlags.NoiseLimit, "0")})");
        }

        if (flags.GetValueOrDefault(FigureFlagKind.Undefined) is > 0 and var undefined)
        {
            parts.Add($"{FigureFlags.Count(undefined, "undefined figure")} shown as n/a");
        }

        int throttled = measurements.Count(FigureConditions.Throttled);
        if (throttled > 0)
        {
            parts.Add($"{FigureFlags.Count(throttled, "figure")} measured while the GPU throttled");
        }

        return parts.Count == 0 ? "Nothing flagged." : "Flagged: " + string.Join("; ", parts) + ".";
    }

    private static string Figure(Measurement m) =>
        $"{m.Benchmark} {m.Metric}{CaseSuffix(m)} at {InvariantNumber.Percent(m.Baseline!.Efficiency, "0.#")} of peak "
        + $"({MeasurementText.Median(m)} of {Core.Units.UnitFormatter.Format(m.Baseline.Value, m.Unit)})";

    private static string CaseSuffix(Measurement m) =>
        m.Params.TryGetValue("dtype", out var dtype) ? $" {dtype}" : string.Empty;
}
