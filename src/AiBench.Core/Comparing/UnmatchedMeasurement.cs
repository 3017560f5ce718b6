namespace AiBench.Core.Comparing;

/// <summary>A measurement present in one of the two compared runs only, with its median (null without samples).</summary>
public sealed record UnmatchedMeasurement(MeasurementIdentity Measurement, int Samples, double? Median);
