using AiBench.Core.Comparing;
using AiBench.Core.Results;
using AiBench.Reporting.Gates;

namespace AiBench.Reporting.Comparison;

/// <summary>
/// One run's figure for one measurement key: its median in the row's display unit, its % of the datasheet peak,
/// and, except in the reference (the first run that has the key), how it compares with the reference as
/// <see cref="RunComparer.Judge"/> says: the same change and verdict compare.md and compare.json give.
/// </summary>
public sealed record ComparisonCell(Measurement Measurement, string Median, string? PercentOfPeak, ComparedMeasurement? Compared = null)
{
    /// <summary>The change of the median in the metric's better direction (+0.10 = 10% better); null for the reference or without medians.</summary>
    public double? Change => Compared?.WorseBy is { } w ? -w : null;

    public ComparedVerdict? Verdict => Compared?.Verdict;

    /// <summary>True for a shown improvement, false for a shown loss, null when the test showed neither (or made none).</summary>
    public bool? IsBetter => Verdict switch
    {
        ComparedVerdict.Better => true,
        ComparedVerdict.Worse => false,
        _ => null,
    };

    public string Text
    {
        get
        {
            string text = PercentOfPeak is null ? Median : $"{Median} · {PercentOfPeak} of peak";
            if (Compared is not { } c)
            {
                return text;
            }

            string verdict = GateText.Verdict(c.Verdict);
            return c.WorseBy is null ? $"{text} · {verdict}" : $"{text} · change {GateText.Change(c.WorseBy)} ({verdict})";
        }
    }
}
