using AiBench.Core.Results;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Comparison;

/// <summary>
/// One run's figure for one measurement key: its median in the row's display unit, and its change against
/// the row's reference (the first run that has the key). <see cref="Change"/> is null for the reference.
/// </summary>
public sealed record ComparisonCell(Measurement Measurement, string Median, string? PercentOfPeak, double? Change)
{
    /// <summary>True when the change is an improvement in the metric's direction, false when a loss, null when none.</summary>
    public bool? IsBetter => Change is not { } c || c == 0 ? null
        : Measurement.Better == Direction.Higher ? c > 0 : c < 0;

    public string Text
    {
        get
        {
            string text = PercentOfPeak is null ? Median : $"{Median} ({PercentOfPeak})";
            return Change is { } c ? $"{text} {InvariantNumber.Percent(c, "+0.0;-0.0;0.0")}" : text;
        }
    }
}
