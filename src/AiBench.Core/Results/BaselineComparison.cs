namespace AiBench.Core.Results;

/// <summary>The datasheet figure a measurement was compared with: efficiency = median / value.</summary>
public sealed record BaselineComparison(string Source, double Value, double Efficiency);
