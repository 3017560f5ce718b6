using AiBench.Core.Hosts;
using AiBench.Core.Results;

namespace AiBench.Core.Baselines;

/// <summary>
/// Attaches the vendor baseline to measurements: the benchmark's datasheet family (<see cref="BaselineFamily"/>,
/// chosen by the benchmark) gives the peak for the measurement's <see cref="Measurement.BaselineKey"/> on the device it
/// ran on. Efficiency = measured / peak (peak / measured for lower-is-better).
/// </summary>
public sealed class BaselineResolver(BaselineCatalog catalog, SystemInfo system, string? skuOverride)
{
    private readonly GpuDatasheet _gpu = new(catalog, system, skuOverride);
    private readonly DriveDatasheet _drive = new(catalog, system, skuOverride);

    public Measurement Attach(Measurement measurement, BaselineFamily family)
    {
        IDatasheet? datasheet = family switch
        {
            BaselineFamily.Gpu => _gpu,
            BaselineFamily.Drive => _drive,
            _ => null,
        };
        if (datasheet?.PeakOf(measurement) is not { } found)
        {
            return measurement;
        }

        double value = measurement.Value;
        double efficiency = measurement.Better == Direction.Higher ? value / found.Peak : found.Peak / value;
        return measurement with { Baseline = new BaselineComparison($"vendor:{found.SkuId}", found.Peak, efficiency) };
    }
}
