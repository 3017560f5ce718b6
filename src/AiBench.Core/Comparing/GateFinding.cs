namespace AiBench.Core.Comparing;

/// <summary>
/// One measurement's gate decision. <see cref="Allowed"/> is how much worse the median may be before it counts
/// (threshold + the larger per-sample noise of the two runs); null for a measurement missing from the run.
/// <see cref="Reason"/> states the figures, for JUnit failure texts and summaries.
/// </summary>
public sealed record GateFinding(
    MeasurementIdentity Measurement, GateOutcome Outcome, ComparedVerdict? Verdict, double? WorseBy, double? Allowed, string Reason);
