namespace AiBench.Core.Comparing;

/// <summary>Which run a comparison side is, as a report names it.</summary>
public sealed record ComparedRun(string RunId, string? Suite, string Host, DateTimeOffset StartedAt);
