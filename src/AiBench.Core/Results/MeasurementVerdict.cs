namespace AiBench.Core.Results;

/// <summary>The outcome of the suite rules applied to one measurement, e.g. <c>fail</c> by <c>efficiency >= 0.70</c>.</summary>
public sealed record MeasurementVerdict(VerdictStatus Status, string Rule, string? Detail = null);
