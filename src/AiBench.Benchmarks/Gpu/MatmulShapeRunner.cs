using AiBench.Core.Errors;
using AiBench.Core.Measuring;
using AiBench.Cuda;
using AiBench.Cuda.Native;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// Measures one shape: builds the cuBLASLt plan, times the heuristic's top candidates and keeps the fastest, then
/// samples FLOP/s — each sample a batch of back-to-back products between two CUDA events, rotating through the
/// buffer sets — and finally checks sampled outputs against the fp64 reference.
/// </summary>
internal sealed class MatmulShapeRunner
{
    private readonly GpuSession _session;
    private readonly CublasLtHandle _handle;
    private readonly MatmulKernels _kernels;
    private readonly MatmulBufferSets _sets;
    private readonly DeviceBuffer _workspace;
    private readonly MatmulDataType _type;

    public MatmulShapeRunner(
        GpuSession session, CublasLtHandle handle, MatmulKernels kernels, MatmulBufferSets sets, DeviceBuffer workspace, MatmulDataType type)
    {
        _session = session;
        _handle = handle;
        _kernels = kernels;
        _sets = sets;
        _workspace = workspace;
        _type = type;
    }

    public MatmulShapeResult Run(
        MatmulShape shape,
        int algorithms,
        int? iterations,
        double targetSampleSeconds,
        MeasurementPolicy policy,
        CancellationToken cancellationToken)
    {
        using CublasLtMatmulPlan plan = CublasLtMatmulPlan.Create(_handle, _type.Spec(shape), MatmulMemoryPlan.WorkspaceBytes);
        IReadOnlyList<CublasLtAlgorithm> candidates = plan.Heuristics(algorithms);
        if (candidates.Count == 0)
        {
            throw new CouldNotRunException(
                $"cuBLASLt {CublasLtLibrary.Version()} has no algorithm for {_type.Name} {shape} on {_session.Device.Name}");
        }

        AlgorithmChoice choice = MatmulAlgorithmSelector.Select(_session, plan, candidates, _sets, _workspace);
        int products = iterations ?? IterationCount.Auto(choice.SecondsPerProduct, targetSampleSeconds);
        var sampler = new Sampler(_session, plan, choice.Algorithm.Algo, _sets, _workspace, shape, products);
        SampleSeries series = SampleLoop.Run(policy, sampler.MeasureOnce, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        // The check reads set 0's output, written last by one product of the chosen algorithm.
        plan.Run(choice.Algorithm.Algo, _sets.A[0], _sets.B[0], _sets.D[0], _workspace, _session.Stream);
        MatmulCheck check = _kernels.Check(_type, shape, _sets.A[0], _sets.B[0], _sets.D[0]);
        return new MatmulShapeResult(shape, series, choice, products, _sets.Count, check);
    }

    /// <summary>The timed loop: no allocation, one event pair per sample.</summary>
    private sealed class Sampler(
        GpuSession session,
        CublasLtMatmulPlan plan,
        CublasLtMatmulAlgo algo,
        MatmulBufferSets sets,
        DeviceBuffer workspace,
        MatmulShape shape,
        int products)
    {
        private readonly CublasLtMatmulAlgo _algo = algo;
        private int _next;

        public double MeasureOnce()
        {
            CudaStream stream = session.Stream;
            session.Timer.Start(stream);
            for (int i = 0; i < products; i++)
            {
                int set = _next;
                _next = set + 1 == sets.Count ? 0 : set + 1;
                plan.Run(_algo, sets.A[set], sets.B[set], sets.D[set], workspace, stream);
            }

            return MatmulFlops.Rate(shape, products, session.Timer.Stop(stream));
        }
    }
}
