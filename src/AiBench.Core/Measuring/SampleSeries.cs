namespace AiBench.Core.Measuring;

/// <summary>The raw samples a <see cref="SampleLoop"/> collected, and why it stopped.</summary>
public sealed record SampleSeries(double[] Samples, int WarmupRuns, StopReason StopReason, TimeSpan Elapsed)
{
    /// <summary>
    /// The pilot that sized <see cref="Samples"/> and was then set aside (<see cref="SampleSizePlan"/>); empty without
    /// a precision target, or when the budget or a cancellation ended the case and the pilot joined the samples.
    /// </summary>
    public double[] PilotSamples { get; init; } = [];
}
