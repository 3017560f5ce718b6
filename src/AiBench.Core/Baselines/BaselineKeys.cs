namespace AiBench.Core.Baselines;

/// <summary>
/// Every datasheet figure a measurement can name (<see cref="Results.Measurement.BaselineKey"/>, kept as text in
/// run.json): the one place benchmarks and the catalog take the keys from. Whose datasheet holds a key is said by the
/// benchmark (<see cref="Benchmarks.IBenchmark.Datasheet"/>), not read from the key.
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

    private const string GpuPeakPrefix = "gpu.peak_tflops.";

    /// <summary>The dense peak of a data type (<c>bf16</c>, <c>fp8</c>) in the GPU's datasheet.</summary>
    public static string GpuPeak(string dataType) => GpuPeakPrefix + dataType;

    /// <summary>The data type of a <see cref="GpuPeak"/> key, or null for another key.</summary>
    public static string? GpuPeakDataType(string key) => key.StartsWith(GpuPeakPrefix, StringComparison.Ordinal) ? key[GpuPeakPrefix.Length..] : null;
}

/// <summary>Whose datasheet a benchmark's baseline keys are looked up in; each benchmark says which (<see cref="Benchmarks.IBenchmark.Datasheet"/>).</summary>
public enum BaselineFamily
{
    None,
    Gpu,
    Drive,
}
