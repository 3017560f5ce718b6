namespace AiBench.Core.History;

/// <summary>One run's figure in a history: its median and the median's confidence interval.</summary>
public sealed record HistoryPoint(string RunId, DateTimeOffset StartedAt, int Samples, double Median, double CiLower, double CiUpper, double CiLevel);
