using AiBench.Core.Results;

namespace AiBench.Reporting.Tables;

/// <summary>One measurement as the summary tables show it; every cell already formatted for people.</summary>
public sealed record SummaryRow(
    Measurement Measurement,
    string Case,
    string Labels,
    string Metric,
    string Median,
    string Spread,
    int SampleCount,
    string? PercentOfPeak,
    string? Correctness,
    string Verdict)
{
    public VerdictStatus Status => Measurement.Verdict?.Status ?? VerdictStatus.None;
}
