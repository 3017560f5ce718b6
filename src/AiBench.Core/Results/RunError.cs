namespace AiBench.Core.Results;

/// <summary>A benchmark that did not produce its figures, and why (unavailable, failed, interrupted).</summary>
public sealed record RunError(string Benchmark, RunErrorKind Kind, string Message, string? Case = null);
