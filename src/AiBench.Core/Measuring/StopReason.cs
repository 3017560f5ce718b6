namespace AiBench.Core.Measuring;

/// <summary>Why a sampling loop stopped; recorded so a reader knows how the sample size was decided.</summary>
public enum StopReason
{
    /// <summary>The size a pilot planned for the precision target was measured (the interval shows the precision reached).</summary>
    PlannedSamples,
    MaxSamples,
    Budget,
    Cancelled,
}
