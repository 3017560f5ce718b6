namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// A model whose checkpoint is written: MLPerf Storage v2.0's Table 2 (Submission_guidelines.md §2.2.1), with the
/// checkpoint's total size in bytes (SI) and the GPU count its parallelism spans (TP × PP × DP), so that a node of
/// <c>g</c> GPUs writes <c>g / Gpus</c> of it, MLPerf's "subset" mode.
/// </summary>
internal sealed record CheckpointModel(string Name, long Bytes, int Gpus, string Parallelism)
{
    public static readonly IReadOnlyList<CheckpointModel> All =
    [
        new("llama3-8b", 105_000_000_000, 8, "TP1×PP1×DP8, ZeRO 3"),
        new("llama3-70b", 912_000_000_000, 64, "TP8×PP1×DP8, ZeRO 3"),
        new("llama3-405b", 5_290_000_000_000, 512, "TP8×PP32×DP2, ZeRO 1"),
        new("llama3-1t", 18_000_000_000_000, 1024, "TP8×PP64×DP2, ZeRO 1"),
    ];

    public static string[] Names => All.Select(m => m.Name).ToArray();

    public static CheckpointModel Find(string name) => All.Single(m => m.Name == name);

    /// <summary>The bytes <paramref name="gpus"/> of the model's GPUs write: their share of the whole checkpoint.</summary>
    public long ShareOf(int gpus) => (long)((decimal)Bytes * Math.Min(gpus, Gpus) / Gpus);
}
