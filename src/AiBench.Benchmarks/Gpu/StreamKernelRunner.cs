using AiBench.Core.Measuring;
using AiBench.Core.Results;
using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// Times one STREAM kernel: by default one block per tile of 4 × block-size 16-byte vectors (BabelStream's
/// one-element-per-thread launch; on an H100 triad reached 3.03 TB/s this way against 2.88 with a grid of SMs ×
/// resident blocks looping over the tiles), or
/// SMs × <c>blocks_per_sm</c> blocks looping over the tiles; one untimed launch,
/// then samples of back-to-back launches between two CUDA events; a sample is bytes moved / elapsed. Afterwards the
/// output array (or each block's partial sum of the read kernel) is checked against its exact expected value.
/// </summary>
internal static class StreamKernelRunner
{
    public static MemoryTestResult Run(
        GpuSession session,
        StreamModule module,
        StreamArrays arrays,
        GpuMemoryTest test,
        int blocksPerSm,
        int? iterations,
        MeasurementPolicy policy,
        CancellationToken cancellationToken)
    {
        CudaKernel kernel = module.Kernel(StreamModule.KernelName(test));
        uint grid = blocksPerSm > 0
            ? (uint)(session.Device.MultiprocessorCount * blocksPerSm)
            : TileGrid(arrays.Elements);
        using DeviceBuffer partialSums = DeviceBuffer.Allocate(session.Context, grid * sizeof(double));
        KernelArguments arguments = Arguments(test, arrays, partialSums);
        double bytesPerLaunch = MemoryTraffic.BytesPerOperation(test, arrays.Elements, sizeof(double));

        kernel.Launch(grid, StreamModule.BlockSize, session.Stream, arguments);
        session.Stream.Synchronize();
        session.Timer.Start(session.Stream);
        kernel.Launch(grid, StreamModule.BlockSize, session.Stream, arguments);
        int launches = iterations ?? IterationCount.Auto(session.Timer.Stop(session.Stream));

        SampleSeries series = SampleLoop.Run(
            policy,
            () =>
            {
                session.Timer.Start(session.Stream);
                for (int i = 0; i < launches; i++)
                {
                    kernel.Launch(grid, StreamModule.BlockSize, session.Stream, arguments);
                }

                return bytesPerLaunch * launches / session.Timer.Stop(session.Stream);
            },
            cancellationToken);

        var info = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [InfoKeys.Kernel] = kernel.Name,
            ["elementType"] = "double, moved as 16-byte vectors",
            [InfoKeys.ArrayBytes] = GpuInfo.Text(arrays.ArrayBytes),
            ["bytesPerLaunch"] = GpuInfo.Text((long)bytesPerLaunch),
            [InfoKeys.BytesCounted] = $"{test.AccessesPerElement()} accesses per element (STREAM convention)",
            ["gridSize"] = GpuInfo.Text(grid),
            ["blockSize"] = GpuInfo.Text(StreamModule.BlockSize),
            [InfoKeys.LaunchesPerSample] = GpuInfo.Text(launches),
        };
        session.Stream.Synchronize();
        if (test == GpuMemoryTest.Read)
        {
            info["checked"] = "every block's partial sum against the exact sum of the vectors it read";
        }

        return new MemoryTestResult(test.Name(), test.BaselineKey(), series, Validate(test, arrays, partialSums, grid), info);
    }

    /// <summary>One block per tile of the kernels' tiled loop (native/cuda/stream.cu), so no block loops.</summary>
    internal static uint TileGrid(long elements)
    {
        long vectors = elements / 2;
        long tile = (long)StreamModule.BlockSize * 4;
        return (uint)Math.Clamp((vectors + tile - 1) / tile, 1, int.MaxValue);
    }

    private static KernelArguments Arguments(GpuMemoryTest test, StreamArrays arrays, DeviceBuffer partialSums)
    {
        var arguments = default(KernelArguments);
        switch (test)
        {
            case GpuMemoryTest.Copy:
                arguments.Add(arrays.A);
                arguments.Add(arrays.C);
                break;
            case GpuMemoryTest.Scale:
                arguments.Add(arrays.B);
                arguments.Add(arrays.C);
                arguments.Add(StreamExpectation.Scalar);
                break;
            case GpuMemoryTest.Add:
                arguments.Add(arrays.A);
                arguments.Add(arrays.B);
                arguments.Add(arrays.C);
                break;
            case GpuMemoryTest.Triad:
                arguments.Add(arrays.A);
                arguments.Add(arrays.B);
                arguments.Add(arrays.C);
                arguments.Add(StreamExpectation.Scalar);
                break;
            case GpuMemoryTest.Read:
                arguments.Add(arrays.A);
                arguments.Add(partialSums);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(test), test, "not a STREAM kernel");
        }

        arguments.Add(arrays.Vectors);
        return arguments;
    }

    private static Correctness Validate(GpuMemoryTest test, StreamArrays arrays, DeviceBuffer partialSums, uint grid)
    {
        (StreamExpectation.Array output, double value) = StreamExpectation.For(test);
        if (test != GpuMemoryTest.Read)
        {
            return new Correctness(arrays.Elements, arrays.CountWrong(arrays.Get(output), value));
        }

        // Each vector holds two doubles of the same value; every block's partial is checked (Checked counts blocks).
        double[] partial = new double[grid];
        partialSums.CopyTo<double>(partial);
        return new Correctness(grid, StreamReadBlocks.CountWrongBlocks(partial, arrays.Vectors, StreamModule.BlockSize, 2 * value));
    }
}
