namespace AiBench.Cuda;

/// <summary>One NVML reading of a device; each field is null when NVML does not report it on this device.</summary>
public sealed record GpuTelemetry
{
    public int? SmClockMHz { get; init; }

    public int? MemoryClockMHz { get; init; }

    public int? TemperatureCelsius { get; init; }

    public double? PowerWatts { get; init; }

    /// <summary>Why clocks are below their maximum (NVML clocks event / throttle reasons bitmask).</summary>
    public ulong? ClockEventReasons { get; init; }

    /// <summary>Uncorrected ECC errors since the driver loaded (volatile counter).</summary>
    public long? EccVolatileUncorrected { get; init; }
}
