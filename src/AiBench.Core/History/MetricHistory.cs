using System.Text.Json.Serialization;
using AiBench.Core.Comparing;

namespace AiBench.Core.History;

/// <summary>One measurement across runs, ordered by start time, and the shifts found in its medians.</summary>
public sealed record MetricHistory(MeasurementIdentity Measurement, IReadOnlyList<HistoryPoint> Points, IReadOnlyList<ChangePoint> ChangePoints)
{
    /// <summary>The last shift, when it is a regression: what makes <c>aibench history</c> exit 1.</summary>
    [JsonIgnore] // derived from the change points
    public ChangePoint? LatestRegression => ChangePoints.Count > 0 && ChangePoints[^1].IsRegression ? ChangePoints[^1] : null;
}
