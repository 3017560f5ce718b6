namespace AiBench.Benchmarks.Storage;

/// <summary>One call of the native engine: what to run where (aib_io_config, managed side).</summary>
internal sealed record IoRequest
{
    public required string Path { get; init; }

    public long Offset { get; init; }

    public required long Size { get; init; }

    public required int BlockSize { get; init; }

    public int QueueDepth { get; init; } = 1;

    public int Jobs { get; init; } = 1;

    public bool Random { get; init; }

    public int ReadPercent { get; init; } = 100;

    public int Engine { get; init; } = Interop.IoEngine.EngineAuto;

    public bool Verify { get; init; }

    public int Slices { get; init; } = 1;

    public ulong Seed { get; init; } = 0x5EED;

    public double RampSeconds { get; init; }

    /// <summary>Time-based when positive; else count-based with <see cref="IoLimit"/> I/Os per job.</summary>
    public double RunSeconds { get; init; }

    public long IoLimit { get; init; }

    public static IoRequest For(StorageWorkload workload, string path, long size) => new()
    {
        Path = path,
        Size = size,
        BlockSize = workload.BlockSize,
        QueueDepth = workload.QueueDepth,
        Jobs = workload.Jobs,
        Random = workload.Random,
        ReadPercent = workload.ReadPercent,
    };
}
