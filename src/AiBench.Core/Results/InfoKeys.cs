namespace AiBench.Core.Results;

/// <summary>
/// The <see cref="Measurement.Info"/> keys that the reports read: benchmarks write them through these names and
/// Reporting reads them through the same, so a renamed key breaks the build instead of silently emptying a report
/// line. Keys only a benchmark itself reads stay local to it.
/// </summary>
public static class InfoKeys
{
    /// <summary>Why sampling stopped (a <see cref="Measuring.StopReason"/> name, or a benchmark's own).</summary>
    public const string StopReason = "stopReason";

    /// <summary>Seconds between consecutive samples of a figure measured as time slices; see <see cref="SampleInterval"/>.</summary>
    public const string SampleIntervalSeconds = "segmentSeconds";

    /// <summary>What the benchmark counted, in words (e.g. "read + write, as STREAM").</summary>
    public const string BytesCounted = "bytesCounted";

    public const string Method = "method";
    public const string ComputeType = "computeType";
    public const string Kernel = "kernel";
    public const string Transport = "transport";

    /// <summary>Problem sizes in bytes, one per kind of benchmark.</summary>
    public const string ArrayBytes = "arrayBytes";
    public const string TransferBytes = "transferBytes";
    public const string CopyBytes = "copyBytes";
    public const string WorkingSetBytes = "workingSetBytes";
    public const string AlgorithmBytes = "algorithmBytes";

    /// <summary>Number of MPI ranks behind a figure; "1" makes a collective's bus bandwidth meaningless.</summary>
    public const string Ranks = "ranks";

    /// <summary>Repetitions inside one sample, one per kind of benchmark.</summary>
    public const string ProductsPerSample = "productsPerSample";
    public const string LaunchesPerSample = "launchesPerSample";
    public const string CopiesPerSample = "copiesPerSample";
    public const string Iterations = "iterations";

    /// <summary>NVML clock-event reasons seen while measuring ("none" when the GPU ran free).</summary>
    public const string ClockEventReasons = "clockEventReasons";

    /// <summary>nccl-tests' bus-bandwidth factor of a collective; "0" when it has none for the rank count.</summary>
    public const string BusbwFactor = "busbwFactor";
}
