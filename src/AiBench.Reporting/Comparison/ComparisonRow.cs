namespace AiBench.Reporting.Comparison;

/// <summary>One measurement key across runs; a cell is null where that run lacks the key.</summary>
public sealed record ComparisonRow(string Benchmark, string Key, string Case, string Labels, string Metric, IReadOnlyList<ComparisonCell?> Cells);
