using AiBench.Core.Measuring;
using AiBench.Core.Results;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// device_copy: cuMemcpyAsync from array a to array c on the device (a copy engine, not a kernel), back-to-back copies
/// between two CUDA events. One timing, two counts (see <see cref="MemoryTraffic"/>): <c>device_copy_read_write</c>
/// (2 × size per copy: DRAM traffic, against the HBM datasheet) and <c>device_local_copy</c> (size once per copy:
/// nvbandwidth's device_local_copy, no datasheet figure).
/// </summary>
internal static class DeviceCopyRunner
{
    public static IReadOnlyList<MemoryTestResult> Run(
        GpuSession session, StreamArrays arrays, int? iterations, MeasurementPolicy policy, CancellationToken cancellationToken)
    {
        long bytes = arrays.ArrayBytes;
        double bytesPerCopy = MemoryTraffic.BytesPerOperation(GpuMemoryTest.DeviceCopy, bytes);
        arrays.C.CopyFromDeviceAsync(arrays.A, bytes, session.Stream);
        session.Stream.Synchronize();
        session.Timer.Start(session.Stream);
        arrays.C.CopyFromDeviceAsync(arrays.A, bytes, session.Stream);
        int copies = iterations ?? IterationCount.Auto(session.Timer.Stop(session.Stream));

        SampleSeries series = SampleLoop.Run(
            policy,
            () =>
            {
                session.Timer.Start(session.Stream);
                for (int i = 0; i < copies; i++)
                {
                    arrays.C.CopyFromDeviceAsync(arrays.A, bytes, session.Stream);
                }

                return bytesPerCopy * copies / session.Timer.Stop(session.Stream);
            },
            cancellationToken);

        (_, double expected) = StreamExpectation.For(GpuMemoryTest.DeviceCopy);
        var correct = new Correctness(arrays.Elements, arrays.CountWrong(arrays.C, expected));
        Dictionary<string, string> Info(string counted) => new(StringComparer.Ordinal)
        {
            [InfoKeys.Method] = "cuMemcpyAsync device to device (copy engine)",
            [InfoKeys.CopyBytes] = GpuInfo.Text(bytes),
            [InfoKeys.BytesCounted] = counted,
            [InfoKeys.CopiesPerSample] = GpuInfo.Text(copies),
        };
        // A new series, not a copy with other samples: nothing else of the read-write series may carry over unscaled.
        var once = new SampleSeries([.. series.Samples.Select(MemoryTraffic.CountedOnce)], series.WarmupRuns, series.StopReason, series.Elapsed);
        return
        [
            new MemoryTestResult("device_copy_read_write", GpuMemoryTest.DeviceCopy.BaselineKey(), series, correct,
                Info("read + write: 2 x copy size per copy (DRAM traffic; device_local_copy is the same timing counted once)")),
            new MemoryTestResult("device_local_copy", null, once, correct,
                Info("copy size once per copy, as nvbandwidth's device_local_copy (half of device_copy_read_write)")),
        ];
    }
}
