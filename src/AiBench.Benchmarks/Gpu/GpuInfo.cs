using System.Globalization;
using AiBench.Core.Results;
using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>The context every GPU measurement carries in its Info: the device, the driver and NVML's telemetry.</summary>
internal static class GpuInfo
{
    public static void AddDevice(IDictionary<string, string> info, CudaDeviceInfo device)
    {
        info["deviceName"] = device.Name;
        info["computeCapability"] = device.ComputeCapability.ToString();
        info["pciBusId"] = device.PciBusId;
        info["cudaDriver"] = CudaDriver.VersionText;
        if (NvmlTelemetry.TryGetDriverVersion() is { } driver)
        {
            info["nvidiaDriver"] = driver;
        }

        info["multiprocessors"] = Text(device.MultiprocessorCount);
        info["l2CacheBytes"] = Text(device.L2CacheBytes);
    }

    /// <summary>Reads NVML right after sampling: clocks, temperature, power, clock event reasons, ECC errors.</summary>
    public static void AddTelemetry(IDictionary<string, string> info, CudaDeviceInfo device)
    {
        GpuTelemetry? telemetry = NvmlTelemetry.TryRead(device.PciBusId);
        if (telemetry is null)
        {
            info["telemetry"] = NvmlTelemetry.TryInitialize(out string reason) ? "unavailable for this device" : $"unavailable ({reason})";
            return;
        }

        Put(info, "smClockMHz", telemetry.SmClockMHz);
        Put(info, "memoryClockMHz", telemetry.MemoryClockMHz);
        Put(info, "temperatureC", telemetry.TemperatureCelsius);
        if (telemetry.PowerWatts is { } watts)
        {
            info["powerW"] = watts.ToString("0.0", CultureInfo.InvariantCulture);
        }

        if (telemetry.ClockEventReasons is { } reasons)
        {
            info[InfoKeys.ClockEventReasons] = ClockEventReasons.Describe(reasons);
        }

        Put(info, "eccVolatileUncorrected", telemetry.EccVolatileUncorrected);
    }

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static void Put(IDictionary<string, string> info, string key, long? value)
    {
        if (value is { } v)
        {
            info[key] = Text(v);
        }
    }
}
