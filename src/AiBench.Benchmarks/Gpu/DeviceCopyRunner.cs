using AiBench.Core.Measuring;
using AiBench.Core.Results;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// device_copy: cuMemcpyAsync from array a to array c on the device (a copy engine, not a kernel), back-to-back copies
/// between two CUDA events. Counted as read + write (2 × size per copy), see <see cref="MemoryTraffic"/>.
/// </summary>
internal static class DeviceCopyRunner
{
    public static MemoryTestResult Run(
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
        cancellationToken.ThrowIfCancellationRequested();

        var info = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["method"] = "cuMemcpyAsync device to device (copy engine)",
            ["copyBytes"] = GpuInfo.Text(bytes),
            ["bytesCounted"] = "read + write: 2 x copy size per copy (nvbandwidth's device_local_copy counts the size once)",
            ["copiesPerSample"] = GpuInfo.Text(copies),
        };
        (_, double expected) = StreamExpectation.For(GpuMemoryTest.DeviceCopy);
        return new MemoryTestResult(series, new Correctness(arrays.Elements, arrays.CountWrong(arrays.C, expected)), info);
    }
}
