namespace AiBench.Core.Baselines;

/// <summary>
/// Every datasheet figure a measurement can name (<see cref="Results.Measurement.BaselineKey"/>, kept as text in
/// run.json): the one place benchmarks and the catalog take the keys from, and the family that says whose datasheet
/// (the GPU's or the drive's) holds it.
/// </summary>
public static class BaselineKeys
{
    public const string GpuMemoryBandwidth = "gpu.memory_bandwidth";
    public const string GpuPcie = "gpu.pcie";
    public const string GpuPcieBidirectional = "gpu.pcie_bidir";
    public const string DriveSequentialRead = "drive.seq_read";
    public const string DriveSequentialWrite = "drive.seq_write";
    public const string DriveRandomRead4kIops = "drive.rand_read_4k_iops";
    public const string DriveRandomWrite4kIops = "drive.rand_write_4k_iops";

    private const string GpuPrefix = "gpu.";
    private const string DrivePrefix = "drive.";
    private const string GpuPeakPrefix = "gpu.peak_tflops.";

    /// <summary>The dense peak of a data type (<c>bf16</c>, <c>fp8</c>) in the GPU's datasheet.</summary>
    public static string GpuPeak(string dataType) => GpuPeakPrefix + dataType;

    /// <summary>The data type of a <see cref="GpuPeak"/> key, or null for another key.</summary>
    public static string? GpuPeakDataType(string key) => key.StartsWith(GpuPeakPrefix, StringComparison.Ordinal) ? key[GpuPeakPrefix.Length..] : null;

    public static BaselineFamily FamilyOf(string? key) => key switch
    {
        null => BaselineFamily.None,
        _ when key.StartsWith(GpuPrefix, StringComparison.Ordinal) => BaselineFamily.Gpu,
        _ when key.StartsWith(DrivePrefix, StringComparison.Ordinal) => BaselineFamily.Drive,
        _ => BaselineFamily.None,
    };
}

/// <summary>Whose datasheet a baseline key is looked up in.</summary>
public enum BaselineFamily
{
    None,
    Gpu,
    Drive,
}
