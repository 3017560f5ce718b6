namespace AiBench.Core.Statistics;

/// <summary>What one sample is, which decides what the mean of the samples means.</summary>
public enum SampleKind
{
    /// <summary>
    /// A time, a count, or a rate over equal time (a segment or slice of a run): the mean is the arithmetic mean,
    /// which for equal-time rates is already total work / total time.
    /// </summary>
    Quantity,

    /// <summary>
    /// A rate of the same work per sample (bytes or FLOP of a timed repetition / its time): the mean is total work /
    /// total time, the harmonic mean of the rates. Their arithmetic mean would overweight the fast repetitions.
    /// </summary>
    RateOfEqualWork,
}
