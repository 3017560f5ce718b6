using System.Text.Json.Serialization;

namespace AiBench.Core.Statistics;

/// <summary>Summary of a measurement's raw samples; computed by <see cref="SampleStatisticsEstimator"/>.</summary>
public sealed record SampleStatistics
{
    public required int N { get; init; }

    public required double Median { get; init; }

    /// <summary>The arithmetic mean, or for rates of equal work total work / total time (<see cref="SampleKind"/>).</summary>
    public required double Mean { get; init; }

    public required double Min { get; init; }

    public required double Max { get; init; }

    public required double StdDev { get; init; }

    /// <summary>Coefficient of variation, stddev / <see cref="Mean"/> (0 for a single sample).</summary>
    public required double Cv { get; init; }

    public required double P5 { get; init; }

    public required double P95 { get; init; }

    public required double P99 { get; init; }

    /// <summary>Lower bound of the confidence interval of the median at <see cref="CiLevel"/>.</summary>
    public required double CiLower { get; init; }

    public required double CiUpper { get; init; }

    public required double CiLevel { get; init; }

    /// <summary>Half the CI width relative to the median: the precision the measurement reached.</summary>
    [JsonIgnore] // derived from the CI bounds and the median
    public double RelativeCiHalfWidth => Median == 0 ? 0 : (CiUpper - CiLower) / 2 / Math.Abs(Median);
}
