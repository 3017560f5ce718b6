using AiBench.Core.Hosts;
using AiBench.Core.Results;

namespace AiBench.Core.Baselines;

/// <summary>
/// Attaches the vendor baseline to measurements: finds the device the measurement ran on (label
/// <c>device</c>), its SKU (by name, or the <c>--sku</c> override), and the peak for the measurement's
/// <see cref="Measurement.BaselineKey"/>. Efficiency = measured / peak (peak / measured for lower-is-better).
/// </summary>
public sealed class BaselineResolver(BaselineCatalog catalog, SystemInfo system, string? skuOverride)
{
    public Measurement Attach(Measurement measurement)
    {
        string? key = measurement.BaselineKey;
        switch (BaselineKeys.FamilyOf(key))
        {
            case BaselineFamily.Drive:
                return AttachDrive(measurement, key!);
            case BaselineFamily.None:
                return measurement;
        }

        GpuSku? sku = GpuSkuFor(measurement);
        if (sku is null || catalog.GpuPeak(sku, key!) is not { } peak || peak <= 0)
        {
            return measurement;
        }

        double value = measurement.Value;
        double efficiency = measurement.Better == Direction.Higher ? value / peak : peak / value;
        return measurement with { Baseline = new BaselineComparison($"vendor:{sku.Id}", peak, efficiency) };
    }

    /// <summary>
    /// The drive SKU of a storage measurement: the <c>--sku</c> override when it names a drive, else the model of the
    /// block device named by the <c>device</c> label (<see cref="SystemInfo.BlockDevices"/>) matched by name.
    /// </summary>
    public DriveSku? DriveSkuFor(Measurement measurement)
    {
        if (skuOverride is not null && catalog.FindDrive(skuOverride) is { } chosen)
        {
            return chosen;
        }

        return measurement.Labels.TryGetValue("device", out string? name)
            && system.BlockDevices.FirstOrDefault(d => d.Name == name)?.Model is { Length: > 0 } model
                ? catalog.MatchDrive(model)
                : null;
    }

    private Measurement AttachDrive(Measurement measurement, string key)
    {
        if (DriveSkuFor(measurement) is not { } sku || BaselineCatalog.DrivePeak(sku, key) is not { } peak || peak <= 0)
        {
            return measurement;
        }

        double value = measurement.Value;
        double efficiency = measurement.Better == Direction.Higher ? value / peak : peak / value;
        return measurement with { Baseline = new BaselineComparison($"vendor:{sku.Id}", peak, efficiency) };
    }

    public GpuSku? GpuSkuFor(Measurement measurement)
    {
        if (skuOverride is not null)
        {
            return catalog.FindGpu(skuOverride);
        }

        int device = measurement.Labels.TryGetValue("device", out string? d) && int.TryParse(d, out int i) ? i : 0;
        GpuInfo? gpu = system.Gpus.FirstOrDefault(g => g.Index == device);
        return gpu is null ? null : catalog.MatchGpu(gpu.Name);
    }
}
