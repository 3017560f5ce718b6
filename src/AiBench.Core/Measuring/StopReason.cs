namespace AiBench.Core.Measuring;

/// <summary>Why a sampling loop stopped; recorded so a reader knows whether the precision target was met.</summary>
public enum StopReason
{
    TargetPrecision,
    MaxSamples,
    Budget,
    Cancelled,
}
