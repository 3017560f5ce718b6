using System.Globalization;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Units;

namespace AiBench.Reporting.Text;

/// <summary>
/// How a measurement's parts read in reports. Canonical forms for files, display forms for people (parameter values:
/// <see cref="ParameterDisplay"/>).
/// </summary>
public static class MeasurementText
{
    /// <summary>Canonical <c>k=v;k=v</c>, keys in ordinal order, values as run.json has them (CSV).</summary>
    public static string CanonicalParams(IReadOnlyDictionary<string, ParameterValue> parameters) =>
        string.Join(";", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    public static string CanonicalLabels(IReadOnlyDictionary<string, string> labels) =>
        string.Join(";", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    public static string DisplayLabels(IReadOnlyDictionary<string, string> labels, Func<string, bool>? include = null) =>
        string.Join(", ", labels.Where(l => include?.Invoke(l.Key) ?? true).Select(l => $"{l.Key}={l.Value}"));

    /// <summary>The figure in its display unit: <c>792.1 TFLOP/s</c>.</summary>
    public static string Median(Measurement m) => UnitFormatter.Format(m.Value, m.Unit);

    /// <summary>The figure in the unit of <paramref name="reference"/> (see <see cref="UnitReference"/>), as its chart's axis writes it.</summary>
    public static string Median(Measurement m, double reference)
    {
        (double scaled, string unit) = UnitFormatter.ScaleLike(m.Value, reference, m.Unit);
        return $"{UnitFormatter.FormatNumber(scaled)} {unit}";
    }

    /// <summary>
    /// The precision reached: half-width of the median's confidence interval, and the coefficient of variation.
    /// A single sample has no spread to state.
    /// </summary>
    public static string Spread(Measurement m)
    {
        if (m.Stats is not { } stats)
        {
            return "—";
        }

        if (stats.N < 2)
        {
            return "single sample";
        }

        string level = (stats.CiLevel * 100).ToString("0", CultureInfo.InvariantCulture);
        return $"±{InvariantNumber.Percent(stats.RelativeCiHalfWidth, "0.00")} (CI{level}), CV {InvariantNumber.Percent(stats.Cv, "0.00")}";
    }

    public static int SampleCount(Measurement m) => m.Stats?.N ?? m.Samples.Count;

    /// <summary><c>80.0% of 989.5 TFLOP/s</c> when a vendor baseline is known, else null.</summary>
    public static string? PercentOfPeak(Measurement m) =>
        m.Baseline is { } b ? $"{Efficiency(b.Efficiency)} of {UnitFormatter.Format(b.Value, m.Unit)}" : null;

    /// <summary><c>80.0%</c>; a tiny non-zero share reads <c>&lt;0.1%</c> rather than a misleading <c>0.0%</c>.</summary>
    public static string Efficiency(double efficiency) =>
        efficiency is > 0 and < 0.0005 ? "<0.1%" : InvariantNumber.Percent(efficiency);

    /// <summary><c>ok (4096 checked)</c> or <c>12 wrong of 4096</c>, null when no check ran.</summary>
    public static string? Correctness(Measurement m) => m.Correct switch
    {
        null => null,
        { IsCorrect: true } c => $"ok ({c.Checked.ToString(CultureInfo.InvariantCulture)} checked)",
        { } c => $"{c.Wrong.ToString(CultureInfo.InvariantCulture)} wrong of {c.Checked.ToString(CultureInfo.InvariantCulture)}",
    };

    /// <summary><c>pass</c>, or <c>fail: efficiency >= 0.70 (0.62)</c>: the status, the rule and its detail.</summary>
    public static string Verdict(MeasurementVerdict? verdict)
    {
        if (verdict is null || verdict.Status == VerdictStatus.None)
        {
            return "—";
        }

        string text = EnumText.Of(verdict.Status);
        if (!string.IsNullOrEmpty(verdict.Rule))
        {
            text += ": " + verdict.Rule;
        }

        return string.IsNullOrEmpty(verdict.Detail) ? text : $"{text} ({verdict.Detail})";
    }

    /// <summary>The part of <see cref="Measurement.Key"/> after the benchmark id: <c>throughput[m=8192]{device=0}</c>.</summary>
    public static string KeyWithinBenchmark(Measurement m) => m.Key[(m.Benchmark.Length + 1)..];
}
