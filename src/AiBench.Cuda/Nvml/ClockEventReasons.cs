using System.Globalization;

namespace AiBench.Cuda;

/// <summary>
/// Decodes NVML's clocks event (formerly "throttle") reasons bitmask into words: <c>nvmlClocksEventReason*</c>
/// (nvml.h): GpuIdle 0x1, ApplicationsClocksSetting 0x2, SwPowerCap 0x4, HwSlowdown 0x8, SyncBoost 0x10,
/// SwThermalSlowdown 0x20, HwThermalSlowdown 0x40, HwPowerBrakeSlowdown 0x80, DisplayClockSetting 0x100.
/// </summary>
public static class ClockEventReasons
{
    private static readonly (ulong Bit, string Word)[] Words =
    [
        (0x1, "gpu_idle"),
        (0x2, "applications_clocks_setting"),
        (0x4, "sw_power_cap"),
        (0x8, "hw_slowdown"),
        (0x10, "sync_boost"),
        (0x20, "sw_thermal_slowdown"),
        (0x40, "hw_thermal_slowdown"),
        (0x80, "hw_power_brake_slowdown"),
        (0x100, "display_clock_setting"),
    ];

    /// <summary>"none", or the reasons joined by commas; unknown bits as hex.</summary>
    public static string Describe(ulong mask)
    {
        if (mask == 0)
        {
            return "none";
        }

        var words = new List<string>();
        ulong known = 0;
        foreach ((ulong bit, string word) in Words)
        {
            known |= bit;
            if ((mask & bit) != 0)
            {
                words.Add(word);
            }
        }

        if ((mask & ~known) != 0)
        {
            words.Add(string.Create(CultureInfo.InvariantCulture, $"0x{mask & ~known:x}"));
        }

        return string.Join(",", words);
    }
}
