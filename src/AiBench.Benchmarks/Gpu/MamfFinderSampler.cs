using AiBench.Cuda;
using AiBench.Cuda.Native;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// One call of mamf-finder's benchmark_mm per sample: <see cref="MamfFinderSettings.WarmupProducts"/> + the timed
/// products, each preceded on the stream by zeroing the flush buffer and copying the random matrix over the output
/// (not timed), each between its own pair of events; then one wait, and the sample is FLOPs × timed products / the sum
/// of their times (FLOPs / mean time). The timed products' times are kept for mamf-finder's median and max.
/// </summary>
internal sealed class MamfFinderSampler : IMatmulSampler, IDisposable
{
    private readonly GpuSession _session;
    private readonly CublasLtMatmulPlan _plan;
    private readonly CublasLtMatmulAlgo _algo;
    private readonly MatmulBufferSets _sets;
    private readonly DeviceBuffer _workspace;
    private readonly MatmulKernels _kernels;
    private readonly MamfFinderBuffers _buffers;
    private readonly MatmulShape _shape;
    private readonly long _outputBytes;
    private readonly int _timedProducts;
    private readonly CudaEvent[] _starts;
    private readonly CudaEvent[] _ends;

    public MamfFinderSampler(
        GpuSession session,
        CublasLtMatmulPlan plan,
        in CublasLtMatmulAlgo algo,
        MatmulBufferSets sets,
        DeviceBuffer workspace,
        MatmulKernels kernels,
        MamfFinderBuffers buffers,
        MatmulShape shape,
        int outputElementBytes,
        int timedProducts)
    {
        _session = session;
        _plan = plan;
        _algo = algo;
        _sets = sets;
        _workspace = workspace;
        _kernels = kernels;
        _buffers = buffers;
        _shape = shape;
        _outputBytes = shape.M * shape.N * outputElementBytes;
        _timedProducts = timedProducts;
        int total = MamfFinderSettings.WarmupProducts + timedProducts;
        _starts = new CudaEvent[total];
        _ends = new CudaEvent[total];
        try
        {
            for (int i = 0; i < total; i++)
            {
                _starts[i] = CudaEvent.Create(session.Context);
                _ends[i] = CudaEvent.Create(session.Context);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Seconds of every timed product so far, in order.</summary>
    public List<double> ProductSeconds { get; } = [];

    public double MeasureOnce()
    {
        CudaStream stream = _session.Stream;
        for (int i = 0; i < _starts.Length; i++)
        {
            _kernels.Zero(_buffers.Flush);
            _sets.Output0.CopyFromDeviceAsync(_buffers.RandomOutput, _outputBytes, stream);
            _starts[i].Record(stream);
            _plan.Run(_algo, _sets.A[0], _sets.B[0], _sets.D[0], _workspace, stream);
            _ends[i].Record(stream);
        }

        _ends[^1].Synchronize();
        double sum = 0;
        for (int i = MamfFinderSettings.WarmupProducts; i < _starts.Length; i++)
        {
            double seconds = CudaEvent.ElapsedSeconds(_starts[i], _ends[i]);
            ProductSeconds.Add(seconds);
            sum += seconds;
        }

        return MatmulFlops.Rate(_shape, _timedProducts, sum);
    }

    public void Dispose()
    {
        foreach (CudaEvent? e in _starts.Concat(_ends))
        {
            e?.Dispose();
        }
    }
}
