using System.Runtime.InteropServices;

namespace AiBench.Benchmarks.Collectives;

/// <summary>The send and receive buffers of the mpi backend, in host memory, page-aligned, freed on dispose.</summary>
internal sealed unsafe class HostBuffers : IDisposable
{
    private const nuint Alignment = 4096;

    public HostBuffers(long sendBytes, long receiveBytes)
    {
        SendBytes = sendBytes;
        ReceiveBytes = receiveBytes;
        Send = NativeMemory.AlignedAlloc((nuint)Math.Max(sendBytes, 64), Alignment);
        Receive = NativeMemory.AlignedAlloc((nuint)Math.Max(receiveBytes, 64), Alignment);
        // Touch every page now, so the first timed operation does not pay for page faults.
        NativeMemory.Clear(Send, (nuint)Math.Max(sendBytes, 64));
        NativeMemory.Clear(Receive, (nuint)Math.Max(receiveBytes, 64));
    }

    public void* Send { get; private set; }

    public void* Receive { get; private set; }

    public long SendBytes { get; }

    public long ReceiveBytes { get; }

    public void Dispose()
    {
        NativeMemory.AlignedFree(Send);
        NativeMemory.AlignedFree(Receive);
        Send = null;
        Receive = null;
    }
}
