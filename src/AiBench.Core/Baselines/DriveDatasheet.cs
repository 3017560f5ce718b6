using AiBench.Core.Hosts;
using AiBench.Core.Results;

namespace AiBench.Core.Baselines;

/// <summary>
/// The drive's datasheet: the <c>--sku</c> override when it names a drive, else the model of the block device named by
/// the figure's <c>device</c> label (<see cref="SystemInfo.BlockDevices"/>) matched by name.
/// </summary>
public sealed class DriveDatasheet(BaselineCatalog catalog, SystemInfo system, string? skuOverride) : SkuDatasheet<DriveSku>
{
    protected override double? Peak(DriveSku sku, string key) => BaselineCatalog.DrivePeak(sku, key);

    protected override string Id(DriveSku sku) => sku.Id;

    public override DriveSku? SkuFor(Measurement measurement)
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
}
