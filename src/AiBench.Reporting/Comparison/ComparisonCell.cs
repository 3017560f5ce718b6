using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Comparison;

/// <summary>
/// One run's figure for one measurement key: its median in the row's display unit, its % of the datasheet peak,
/// and its change against the row's reference (the first run that has the key) with whether that change is
/// significant (<see cref="ChangeTest"/>). <see cref="Change"/> is null for the reference.
/// </summary>
public sealed record ComparisonCell(Measurement Measurement, string Median, string? PercentOfPeak, double? Change, ChangeVerdict? Significance = null)
{
    /// <summary>True for a significant improvement, false for a significant loss, null when no change could be shown.</summary>
    public bool? IsBetter => Significance switch
    {
        ChangeVerdict.Better => true,
        ChangeVerdict.Worse => false,
        _ => null,
    };

    public string Text
    {
        get
        {
            string text = PercentOfPeak is null ? Median : $"{Median} · {PercentOfPeak} of peak";
            if (Change is not { } c)
            {
                return text;
            }

            string verdict = Significance switch
            {
                ChangeVerdict.Better => "better",
                ChangeVerdict.Worse => "worse",
                _ => "n.s.",
            };
            return $"{text} · change {InvariantNumber.Percent(c, "+0.0;-0.0;0.0")} ({verdict})";
        }
    }
}
