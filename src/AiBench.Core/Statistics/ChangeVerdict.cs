namespace AiBench.Core.Statistics;

/// <summary>How a candidate sample compares with a reference sample, in the metric's better direction.</summary>
public enum ChangeVerdict
{
    /// <summary>No change larger than the threshold could be shown.</summary>
    Same,
    Better,
    Worse,
}
