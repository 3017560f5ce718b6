using AiBench.Core.Measuring;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// Host↔device copies over PCIe (or C2C), nvbandwidth's copy-engine method: pinned host memory (cuMemAllocHost),
/// cuMemcpyAsync, several copies back-to-back between CUDA events per sample. bidir runs H2D and D2H at once on two
/// streams that start from one event; its sample is the bytes of both directions over the time until both finish,
/// and each direction's own rate goes to Info. Afterwards the data that crossed is compared with the pattern.
/// </summary>
internal static class HostTransferRunner
{
    /// <summary>A sample is at least this long and this many copies: PCIe rates settle over tens of milliseconds.</summary>
    private const double TargetSampleSeconds = 0.06;

    private const int MinimumCopies = 4;

    public static MemoryTestResult Run(
        GpuSession session, GpuMemoryTest test, long bytes, int? iterations, MeasurementPolicy policy, CancellationToken cancellationToken) =>
        test switch
        {
            GpuMemoryTest.HostToDevice or GpuMemoryTest.DeviceToHost => OneWay(session, test, bytes, iterations, policy, cancellationToken),
            GpuMemoryTest.Bidirectional => BothWays(session, bytes, iterations, policy, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(test), test, "not a host transfer"),
        };

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
        cancellationToken.ThrowIfCancellationRequested();

        // What crossed must be the pattern: read the device copy back for h2d; d2h landed in the host buffer.
        if (toDevice)
        {
            HostPattern.Clear(host);
            device.CopyToHostAsync(host, bytes, stream);
            stream.Synchronize();
        }

        var correct = new Correctness(HostPattern.Words(host), HostPattern.CountWrong(host));
        return new MemoryTestResult(series, correct, Info(bytes, copies));
    }

    private static MemoryTestResult BothWays(
        GpuSession session, long bytes, int? iterations, MeasurementPolicy policy, CancellationToken cancellationToken)
    {
        using CudaStream down = CudaStream.Create(session.Context);
        CudaStream up = session.Stream;
        using PinnedHostBuffer hostUp = PinnedHostBuffer.Allocate(session.Context, bytes);
        using PinnedHostBuffer hostDown = PinnedHostBuffer.Allocate(session.Context, bytes);
        using DeviceBuffer deviceUp = DeviceBuffer.Allocate(session.Context, bytes);
        using DeviceBuffer deviceDown = DeviceBuffer.Allocate(session.Context, bytes);
        using CudaEvent start = CudaEvent.Create(session.Context);
        using CudaEvent upDone = CudaEvent.Create(session.Context);
        using CudaEvent downDone = CudaEvent.Create(session.Context);
        HostPattern.Fill(hostUp);
        deviceDown.CopyFromHostAsync(hostUp, bytes, up);
        up.Synchronize();
        HostPattern.Clear(hostDown);

        var upRates = new List<double>(policy.MaxSamples + 16);
        var downRates = new List<double>(policy.MaxSamples + 16);
        double Measure(int copies)
        {
            start.Record(up);
            down.Wait(start);
            for (int i = 0; i < copies; i++)
            {
                deviceUp.CopyFromHostAsync(hostUp, bytes, up);
                deviceDown.CopyToHostAsync(hostDown, bytes, down);
            }

            upDone.Record(up);
            downDone.Record(down);
            upDone.Synchronize();
            downDone.Synchronize();
            double upSeconds = CudaEvent.ElapsedSeconds(start, upDone);
            double downSeconds = CudaEvent.ElapsedSeconds(start, downDone);
            upRates.Add((double)bytes * copies / upSeconds);
            downRates.Add((double)bytes * copies / downSeconds);
            return 2.0 * bytes * copies / Math.Max(upSeconds, downSeconds);
        }

        double first = Measure(1);
        int copies = iterations ?? IterationCount.Auto(2.0 * bytes / first, TargetSampleSeconds, MinimumCopies);
        upRates.Clear();
        downRates.Clear();
        SampleSeries series = SampleLoop.Run(policy, () => Measure(copies), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        long wrong = HostPattern.CountWrong(hostDown);
        HostPattern.Clear(hostDown);
        deviceUp.CopyToHostAsync(hostDown, bytes, up);
        up.Synchronize();
        wrong += HostPattern.CountWrong(hostDown);

        Dictionary<string, string> info = Info(bytes, copies);
        info["bytesCounted"] = "both directions: 2 x transfer size per copy pair";
        info["h2dBytesPerSecond"] = GpuInfo.Text(Median(upRates, series.WarmupRuns));
        info["d2hBytesPerSecond"] = GpuInfo.Text(Median(downRates, series.WarmupRuns));
        return new MemoryTestResult(series, new Correctness(2 * HostPattern.Words(hostDown), wrong), info);
    }

    private static Dictionary<string, string> Info(long bytes, int copies) => new(StringComparer.Ordinal)
    {
        ["method"] = "cuMemcpyAsync, pinned host memory (cuMemAllocHost), copy engine",
        ["transferBytes"] = GpuInfo.Text(bytes),
        ["copiesPerSample"] = GpuInfo.Text(copies),
    };

    /// <summary>The median of the rates recorded after the warm-up runs (the samples' own direction rates).</summary>
    private static double Median(List<double> rates, int warmups)
    {
        List<double> samples = rates.Skip(warmups).ToList();
        return samples.Count == 0 ? double.NaN : SampleStatisticsEstimator.Estimate(samples).Median;
    }
}
