using System.Globalization;

namespace AiBench.Core.Results;

/// <summary>
/// The time between consecutive samples of a figure measured as equal time slices (storage.s3's analysis
/// segments, storage.io's slices). A figure that carries one has a timeline: any report can plot its samples over
/// the run without knowing which benchmark made it.
/// </summary>
public static class SampleInterval
{
    /// <summary>The value of <see cref="InfoKeys.SampleIntervalSeconds"/> for <paramref name="seconds"/> between samples.</summary>
    public static string Text(double seconds) => seconds.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The seconds between samples, or null when the figure was not measured as time slices.</summary>
    public static double? Of(Measurement measurement) =>
        measurement.Info?.TryGetValue(InfoKeys.SampleIntervalSeconds, out string? text) == true
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
        && double.IsFinite(seconds) && seconds > 0
            ? seconds
            : null;
}
