using AiBench.Benchmarks.Collectives;
using AiBench.Benchmarks.Cpu;
using AiBench.Benchmarks.Gpu;
using AiBench.Core.Benchmarks;

namespace AiBench.Benchmarks;

/// <summary>The one place every built-in benchmark is registered.</summary>
public static class BuiltInBenchmarks
{
    public static IReadOnlyList<IBenchmark> Create() =>
    [
        new CpuMemoryBenchmark(),
        new CpuGemmBenchmark(),
        new GpuMatmulBenchmark(),
        new GpuMemoryBenchmark(),
        new Storage.StorageIoBenchmark(),
        new ObjectStorage.StorageS3Benchmark(),
        new AiStorage.CheckpointBenchmark(),
        new AiStorage.DatasetBenchmark(),
        new AllReduceBenchmark(), new AllGatherBenchmark(), new ReduceScatterBenchmark(), new BroadcastBenchmark(), new AllToAllBenchmark(),
        new Cluster.PairBenchmark(),
    ];
}
