using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>A pair of CUDA events around work enqueued on one stream: the GPU's own clock, no host overhead counted.</summary>
internal sealed class EventTimer : IDisposable
{
    private readonly CudaEvent _start;
    private readonly CudaEvent _stop;

    private EventTimer(CudaEvent start, CudaEvent stop)
    {
        _start = start;
        _stop = stop;
    }

    public static EventTimer Create(CudaContext context)
    {
        CudaEvent start = CudaEvent.Create(context);
        try
        {
            return new EventTimer(start, CudaEvent.Create(context));
        }
        catch
        {
            start.Dispose();
            throw;
        }
    }

    public void Start(CudaStream stream) => _start.Record(stream);

    /// <summary>Records the stop, waits for it and returns the seconds since <see cref="Start"/>.</summary>
    public double Stop(CudaStream stream)
    {
        _stop.Record(stream);
        _stop.Synchronize();
        return CudaEvent.ElapsedSeconds(_start, _stop);
    }

    public void Dispose()
    {
        _stop.Dispose();
        _start.Dispose();
    }
}
