using AiBench.Core.Measuring;
using AiBench.Core.Results;
using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// Host↔device copies over PCIe (or C2C), nvbandwidth's copy-engine method: pinned host memory (cuMemAllocHost,
/// allocated on the GPU's NUMA node by the caller's binding), cuMemcpyAsync, several copies back-to-back between CUDA
/// events per sample. bidir is nvbandwidth's two CE bidirectional tests, one figure per direction: the measured
/// direction copies the transfer size on one stream while the other stream, started by the same event, copies twice
/// that size the other way, so the measured copies never run alone; the sample is the measured bytes over the measured
/// stream's own time (<see cref="MemoryTraffic.BidirectionalRate"/>). Afterwards the data that crossed, both ways, is
/// compared with the pattern.
/// </summary>
internal static class HostTransferRunner
{
    /// <summary>A sample is at least this long and this many copies: PCIe rates settle over tens of milliseconds.</summary>
    private const double TargetSampleSeconds = 0.06;

    private const int MinimumCopies = 4;

    public static IReadOnlyList<MemoryTestResult> Run(
        GpuSession session, GpuMemoryTest test, long bytes, int? iterations, MeasurementPolicy policy, CancellationToken cancellationToken)
    {
        switch (test)
        {
            case GpuMemoryTest.HostToDevice or GpuMemoryTest.DeviceToHost:
                return [OneWay(session, test, bytes, iterations, policy, cancellationToken)];
            case GpuMemoryTest.Bidirectional:
                using (var buffers = BidirectionalBuffers.Allocate(session, bytes))
                {
                    // Each direction gets half the case's budget, so the case keeps to it.
                    MeasurementPolicy half = policy with { CaseBudget = policy.CaseBudget / 2 };
                    return
                    [
                        Bidirectional(session, buffers, toDevice: true, iterations, half, cancellationToken),
                        Bidirectional(session, buffers, toDevice: false, iterations, half, cancellationToken),
                    ];
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(test), test, "not a host transfer");
        }
    }

    private static MemoryTestResult OneWay(
        GpuSession session, GpuMemoryTest test, long bytes, int? iterations, MeasurementPolicy policy, CancellationToken cancellationToken)
    {
        bool toDevice = test == GpuMemoryTest.HostToDevice;
        CudaStream stream = session.Stream;
        using PinnedHostBuffer host = PinnedHostBuffer.Allocate(session.Context, bytes);
        using DeviceBuffer device = DeviceBuffer.Allocate(session.Context, bytes);
        HostPattern.Fill(host);
        if (!toDevice)
        {
            device.CopyFromHostAsync(host, bytes, stream);
            stream.Synchronize();
            HostPattern.Clear(host);
        }

        void Copy()
        {
            if (toDevice)
            {
                device.CopyFromHostAsync(host, bytes, stream);
            }
            else
            {
                device.CopyToHostAsync(host, bytes, stream);
            }
        }

        Copy();
        stream.Synchronize();
        session.Timer.Start(stream);
        Copy();
        int copies = iterations ?? IterationCount.Auto(session.Timer.Stop(stream), TargetSampleSeconds, MinimumCopies);
        SampleSeries series = SampleLoop.Run(
            policy,
            () =>
            {
                session.Timer.Start(stream);
                for (int i = 0; i < copies; i++)
                {
                    Copy();
                }

                return (double)bytes * copies / session.Timer.Stop(stream);
            },
            cancellationToken);

        // What crossed must be the pattern: read the device copy back for h2d; d2h landed in the host buffer.
        if (toDevice)
        {
            HostPattern.Clear(host);
            device.CopyToHostAsync(host, bytes, stream);
            stream.Synchronize();
        }

        var correct = new Correctness(HostPattern.Words(host), HostPattern.CountWrong(host));
        return new MemoryTestResult(test.Name(), test.BaselineKey(), series, correct, Info(bytes, copies));
    }

    /// <summary>
    /// One nvbandwidth bidirectional test: host_to_device_bidirectional_memcpy_ce (<paramref name="toDevice"/>) or
    /// device_to_host_bidirectional_memcpy_ce. Measured: host ↔ device of the transfer size on the session's stream;
    /// interfering: the other direction, twice the size, on a second stream that waits for the measured stream's start.
    /// </summary>
    private static MemoryTestResult Bidirectional(
        GpuSession session, BidirectionalBuffers buffers, bool toDevice, int? iterations, MeasurementPolicy policy,
        CancellationToken cancellationToken)
    {
        long bytes = buffers.TransferBytes;
        long interferingBytes = MemoryTraffic.InterferingBytes(bytes);
        CudaStream measured = session.Stream;
        CudaStream other = buffers.OtherStream;
        buffers.Prepare(toDevice, measured);

        void Copies(int count)
        {
            buffers.Start.Record(measured);
            other.Wait(buffers.Start);
            for (int i = 0; i < count; i++)
            {
                if (toDevice)
                {
                    buffers.Device.CopyFromHostAsync(buffers.Host, bytes, measured);
                    buffers.DeviceOther.CopyToHostAsync(buffers.HostOther, interferingBytes, other);
                }
                else
                {
                    buffers.Device.CopyToHostAsync(buffers.Host, bytes, measured);
                    buffers.DeviceOther.CopyFromHostAsync(buffers.HostOther, interferingBytes, other);
                }
            }

            buffers.MeasuredDone.Record(measured);
            buffers.OtherDone.Record(other);
            buffers.MeasuredDone.Synchronize();
            buffers.OtherDone.Synchronize();
        }

        Copies(1);
        double secondsPerCopy = CudaEvent.ElapsedSeconds(buffers.Start, buffers.MeasuredDone);
        int copies = iterations ?? IterationCount.Auto(secondsPerCopy, TargetSampleSeconds, MinimumCopies);
        SampleSeries series = SampleLoop.Run(
            policy,
            () =>
            {
                Copies(copies);
                return MemoryTraffic.BidirectionalRate(bytes, copies, CudaEvent.ElapsedSeconds(buffers.Start, buffers.MeasuredDone));
            },
            cancellationToken);

        Correctness correct = buffers.Verify(toDevice, measured);
        Dictionary<string, string> info = Info(bytes, copies);
        info[InfoKeys.Method] = $"nvbandwidth {(toDevice ? "host_to_device" : "device_to_host")}_bidirectional_memcpy_ce: cuMemcpyAsync, pinned host memory, copy engines";
        info[InfoKeys.BytesCounted] = "the measured direction only: transfer size per copy, over the measured stream's time";
        info["interferingDirection"] = toDevice ? "d2h" : "h2d";
        info["interferingBytes"] = GpuInfo.Text(interferingBytes);
        return new MemoryTestResult(toDevice ? "h2d_bidir" : "d2h_bidir", GpuMemoryTest.Bidirectional.BaselineKey(), series, correct, info);
    }

    private static Dictionary<string, string> Info(long bytes, int copies) => new(StringComparer.Ordinal)
    {
        [InfoKeys.Method] = "cuMemcpyAsync, pinned host memory (cuMemAllocHost), copy engine",
        [InfoKeys.TransferBytes] = GpuInfo.Text(bytes),
        [InfoKeys.CopiesPerSample] = GpuInfo.Text(copies),
    };
}
