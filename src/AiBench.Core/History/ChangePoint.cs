namespace AiBench.Core.History;

/// <summary>
/// A shift in a metric's history: <see cref="RunId"/> is the first run after it. The medians are those of the runs'
/// medians between the previous and the next change; <see cref="WorseBy"/> is the shift in the metric's better direction
/// (negative when better); a regression is worse by more than the threshold.
/// </summary>
public sealed record ChangePoint(
    int Index, string RunId, DateTimeOffset StartedAt, double BeforeMedian, double AfterMedian, double WorseBy, double PValue, bool IsRegression);
