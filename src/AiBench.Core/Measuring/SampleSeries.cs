namespace AiBench.Core.Measuring;

/// <summary>The raw samples a <see cref="SampleLoop"/> collected, and why it stopped.</summary>
public sealed record SampleSeries(double[] Samples, int WarmupRuns, StopReason StopReason, TimeSpan Elapsed);
