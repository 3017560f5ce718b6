using AiBench.Core.Results;

namespace AiBench.Core.Baselines;

/// <summary>
/// Where the vendor peaks of a benchmark's figures are found: the datasheet of the device the figure ran on. A
/// benchmark names its family (<see cref="Benchmarks.IBenchmark.Datasheet"/>); the runner asks that family's datasheet
/// for each figure's <see cref="Measurement.BaselineKey"/>.
/// </summary>
public interface IDatasheet
{
    /// <summary>The peak of the figure on the device it ran on, or null when the device or the figure is not listed.</summary>
    DatasheetPeak? PeakOf(Measurement measurement);
}

/// <summary>A datasheet of one device kind: find the SKU the figure ran on, then the peak its key names there.</summary>
public abstract class SkuDatasheet<TSku> : IDatasheet
    where TSku : class
{
    public DatasheetPeak? PeakOf(Measurement measurement) =>
        measurement.BaselineKey is { } key && SkuFor(measurement) is { } sku && Peak(sku, key) is { } peak && peak > 0
            ? new DatasheetPeak(Id(sku), peak)
            : null;

    /// <summary>The SKU of the device the figure ran on (or the one <c>--sku</c> names), or null when none matches.</summary>
    public abstract TSku? SkuFor(Measurement measurement);

    protected abstract double? Peak(TSku sku, string key);

    protected abstract string Id(TSku sku);
}

/// <summary>A datasheet figure in the measurement's canonical unit, and the SKU whose datasheet gave it.</summary>
public sealed record DatasheetPeak(string SkuId, double Peak);
