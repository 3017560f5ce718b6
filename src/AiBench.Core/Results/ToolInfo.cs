namespace AiBench.Core.Results;

public sealed record ToolInfo(string Version, string? Revision);
