using AiBench.Core.Hosts;
using AiBench.Core.Results;

namespace AiBench.Core.Baselines;

/// <summary>
/// The GPU's datasheet: the SKU named by <c>--sku</c>, else the one matching the name of the GPU in the figure's
/// <c>device</c> label (index; 0 when absent).
/// </summary>
public sealed class GpuDatasheet(BaselineCatalog catalog, SystemInfo system, string? skuOverride) : IDatasheet
{
    public DatasheetPeak? PeakOf(Measurement measurement) =>
        measurement.BaselineKey is { } key && SkuFor(measurement) is { } sku && catalog.GpuPeak(sku, key) is { } peak && peak > 0
            ? new DatasheetPeak(sku.Id, peak)
            : null;

    public GpuSku? SkuFor(Measurement measurement)
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
