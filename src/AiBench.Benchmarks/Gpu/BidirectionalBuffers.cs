using AiBench.Core.Results;
using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// What nvbandwidth's bidirectional host tests copy between: a host and a device buffer of the transfer size for the
/// measured direction, twice that size for the interfering one (testcases_ce.cpp), a second stream and the events
/// that start both streams together and mark where each ends. Used for both directions, prepared for each.
/// </summary>
internal sealed class BidirectionalBuffers : IDisposable
{
    private readonly List<IDisposable> _owned;

    private BidirectionalBuffers(List<IDisposable> owned, long transferBytes)
    {
        _owned = owned;
        TransferBytes = transferBytes;
        Host = (PinnedHostBuffer)owned[0];
        HostOther = (PinnedHostBuffer)owned[1];
        Device = (DeviceBuffer)owned[2];
        DeviceOther = (DeviceBuffer)owned[3];
        OtherStream = (CudaStream)owned[4];
        Start = (CudaEvent)owned[5];
        MeasuredDone = (CudaEvent)owned[6];
        OtherDone = (CudaEvent)owned[7];
    }

    public long TransferBytes { get; }

    public PinnedHostBuffer Host { get; }

    public PinnedHostBuffer HostOther { get; }

    public DeviceBuffer Device { get; }

    public DeviceBuffer DeviceOther { get; }

    public CudaStream OtherStream { get; }

    public CudaEvent Start { get; }

    public CudaEvent MeasuredDone { get; }

    public CudaEvent OtherDone { get; }

    public static BidirectionalBuffers Allocate(GpuSession session, long transferBytes)
    {
        long interfering = MemoryTraffic.InterferingBytes(transferBytes);
        var owned = new List<IDisposable>(8);
        try
        {
            owned.Add(PinnedHostBuffer.Allocate(session.Context, transferBytes));
            owned.Add(PinnedHostBuffer.Allocate(session.Context, interfering));
            owned.Add(DeviceBuffer.Allocate(session.Context, transferBytes));
            owned.Add(DeviceBuffer.Allocate(session.Context, interfering));
            owned.Add(CudaStream.Create(session.Context));
            owned.Add(CudaEvent.Create(session.Context));
            owned.Add(CudaEvent.Create(session.Context));
            owned.Add(CudaEvent.Create(session.Context));
            return new BidirectionalBuffers(owned, transferBytes);
        }
        catch
        {
            owned.ForEach(o => o.Dispose());
            throw;
        }
    }

    /// <summary>Puts the pattern in every source of the direction's copies and clears their destinations.</summary>
    public void Prepare(bool toDevice, CudaStream stream)
    {
        HostPattern.Fill(Host);
        HostPattern.Fill(HostOther);
        if (toDevice)
        {
            // Measured: Host → Device; interfering: DeviceOther → HostOther.
            DeviceOther.CopyFromHostAsync(HostOther, HostOther.SizeBytes, stream);
            stream.Synchronize();
            HostPattern.Clear(HostOther);
        }
        else
        {
            // Measured: Device → Host; interfering: HostOther → DeviceOther.
            Device.CopyFromHostAsync(Host, Host.SizeBytes, stream);
            stream.Synchronize();
            HostPattern.Clear(Host);
        }
    }

    /// <summary>Words that crossed either way and differ from the pattern (device data is read back through the host buffers).</summary>
    public Correctness Verify(bool toDevice, CudaStream stream)
    {
        PinnedHostBuffer readBack = toDevice ? Host : HostOther;
        DeviceBuffer written = toDevice ? Device : DeviceOther;
        HostPattern.Clear(readBack);
        written.CopyToHostAsync(readBack, readBack.SizeBytes, stream);
        stream.Synchronize();
        long wrong = HostPattern.CountWrong(Host) + HostPattern.CountWrong(HostOther);
        return new Correctness(HostPattern.Words(Host) + HostPattern.Words(HostOther), wrong);
    }

    public void Dispose()
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
    }
}
