using AiBench.Core.Hosts;
using AiBench.Core.Results;

namespace AiBench.Core.Baselines;

/// <summary>
/// The GPU's datasheet: the SKU named by <c>--sku</c>, else the one matching the name of the GPU in the figure's
/// <c>device</c> label (index; 0 when absent).
/// </summary>
public sealed class GpuDatasheet(BaselineCatalog catalog, SystemInfo system, string? skuOverride) : SkuDatasheet<GpuSku>
{
    protected override double? Peak(GpuSku sku, string key) => catalog.GpuPeak(sku, key);

    protected override string Id(GpuSku sku) => sku.Id;

    public override GpuSku? SkuFor(Measurement measurement)
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
