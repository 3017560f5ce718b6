using AiBench.Core.Results;

namespace AiBench.Reporting.Figures;

/// <summary>
/// The conditions a figure was measured under, where the run recorded them: clocks, power, temperature and
/// throttle reasons. A GPU figure read without its clocks cannot be compared with a datasheet.
/// </summary>
public static class FigureConditions
{
    private static readonly (string Key, string Format)[] Items =
    [
        ("smClockMHz", "SM {0} MHz"), ("memoryClockMHz", "memory {0} MHz"), ("powerW", "{0} W"),
        ("powerLimitW", "limit {0} W"), ("temperatureC", "{0} °C"),
    ];

    /// <summary>The conditions as one line, or null when none were recorded.</summary>
    public static string? Of(Measurement m)
    {
        if (m.Info is not { } info)
        {
            return null;
        }

        var parts = Items.Where(i => info.ContainsKey(i.Key)).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, i.Format, info[i.Key])).ToList();
        if (info.GetValueOrDefault(InfoKeys.ClockEventReasons) is { Length: > 0 } reasons)
        {
            parts.Add(reasons == "none" ? "not throttled" : "throttled: " + reasons.Replace(',', ' '));
        }

        return parts.Count > 0 ? string.Join(", ", parts) : null;
    }

    /// <summary>True when the GPU slowed its clocks during the figure for a reason other than idling.</summary>
    public static bool Throttled(Measurement m) =>
        m.Info?.GetValueOrDefault(InfoKeys.ClockEventReasons) is { Length: > 0 } reasons && reasons != "none" && reasons != "gpu_idle";
}
