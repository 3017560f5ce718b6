namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// A training dataset's shape after MLPerf Storage v2.0's workload files (configs/dlio/workload/*_h100.yaml): file size
/// (the mean record length times records per file), files, reader threads, and the emulated H100's batch and compute time
/// per batch with the accelerator utilisation (AU) a run must keep — from which the accelerators a read rate can feed follow.
/// </summary>
internal sealed record DatasetShape(
    string Name, long FileBytes, int Files, int SamplesPerFile, int Readers, int BatchSize, double ComputeSeconds, double MinimumUtilisation)
{
    public static readonly IReadOnlyList<DatasetShape> Named =
    [
        // 3D U-Net: one 146,600,628-byte npz sample per file (the mean; MLPerf varies it by ±68 MB), 168 files, 4 readers.
        new("unet3d", 146_600_628, 168, 1, 4, 7, 0.323, 0.90),
        // ResNet-50: tfrecords of 1251 samples of 114,660 B, 1024 files, 8 readers.
        new("resnet50", 1251L * 114_660, 1024, 1251, 8, 400, 0.224, 0.90),
        // CosmoFlow: one 2,828,486-byte sample per file, 524,288 files, 4 readers.
        new("cosmoflow", 2_828_486, 524_288, 1, 4, 1, 0.00350, 0.70),
    ];

    public static string[] Names => ["custom", .. Named.Select(s => s.Name)];

    public static DatasetShape? Find(string name) => Named.SingleOrDefault(s => s.Name == name);

    /// <summary>
    /// How many emulated accelerators <paramref name="samplesPerSecond"/> keeps at the minimum AU: each needs
    /// <c>batch / compute</c> samples per second while computing, and may wait up to (1 − AU) of its time for data.
    /// </summary>
    public double AcceleratorsFed(double samplesPerSecond) => samplesPerSecond * ComputeSeconds / (BatchSize * MinimumUtilisation);
}
