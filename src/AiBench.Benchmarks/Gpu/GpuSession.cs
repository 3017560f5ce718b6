using System.Globalization;
using AiBench.Core.Errors;
using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// What every GPU case works in: the device's primary context (current on the calling thread), a non-blocking
/// stream and an event timer. All GPU work of a case runs on the one thread that opened the session.
/// </summary>
internal sealed class GpuSession : IDisposable
{
    private GpuSession(CudaContext context, CudaStream stream, EventTimer timer)
    {
        Context = context;
        Stream = stream;
        Timer = timer;
    }

    public CudaContext Context { get; }

    public CudaDeviceInfo Device => Context.Device;

    public CudaStream Stream { get; }

    public EventTimer Timer { get; }

    /// <summary>Opens device <paramref name="ordinal"/>; a device that does not exist is a could-not-run error.</summary>
    public static GpuSession Open(int ordinal)
    {
        if (ordinal < 0 || ordinal >= CudaDriver.DeviceCount)
        {
            throw new CouldNotRunException(string.Create(
                CultureInfo.InvariantCulture,
                $"CUDA device {ordinal} does not exist: this machine has {CudaDriver.DeviceCount} (0..{CudaDriver.DeviceCount - 1})"));
        }

        CudaContext context = CudaContext.Create(ordinal);
        CudaStream? stream = null;
        try
        {
            stream = CudaStream.Create(context);
            return new GpuSession(context, stream, EventTimer.Create(context));
        }
        catch
        {
            stream?.Dispose();
            context.Dispose();
            throw;
        }
    }

    /// <summary>Grid size for grid-stride kernels: every multiprocessor filled with resident blocks.</summary>
    public uint FullGrid(CudaKernel kernel, int blockSize) =>
        (uint)(Device.MultiprocessorCount * Math.Max(1, kernel.MaxActiveBlocksPerMultiprocessor(blockSize)));

    public void Dispose()
    {
        Timer.Dispose();
        Stream.Dispose();
        Context.Dispose();
    }
}
