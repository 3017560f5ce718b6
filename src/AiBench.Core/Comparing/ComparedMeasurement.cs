using AiBench.Core.Results;

namespace AiBench.Core.Comparing;

/// <summary>
/// One measurement found in both runs, side by side. <see cref="Ratio"/> is Pragmastat's ratio estimator
/// (run / base); <see cref="WorseBy"/> is how much worse the run's median is than the base's in the metric's better
/// direction (negative when better). <see cref="Noise"/> is the larger relative sample spread of the two sides
/// (<see cref="SampleNoise"/>), which the gate adds to its threshold.
/// </summary>
public sealed record ComparedMeasurement
{
    public required MeasurementIdentity Measurement { get; init; }

    public required int BaseSamples { get; init; }

    public required int RunSamples { get; init; }

    /// <summary>Null when the side has no samples (a case that failed).</summary>
    public required double? BaseMedian { get; init; }

    public required double? RunMedian { get; init; }

    /// <summary>Null when a side has no samples.</summary>
    public required double? Ratio { get; init; }

    /// <summary>Null when a side has no samples or the base median is 0.</summary>
    public required double? WorseBy { get; init; }

    public required double Noise { get; init; }

    public required ComparedVerdict Verdict { get; init; }
}
