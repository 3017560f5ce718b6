using AiBench.Core.Errors;
using AiBench.Core.Measuring;
using AiBench.Cuda;
using AiBench.Cuda.Native;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// Measures one shape: builds the cuBLASLt plan, times the heuristic's top candidates and keeps the fastest, then
/// samples FLOP/s by the case's method — fast: each sample a batch of back-to-back products between two CUDA events,
/// rotating through the buffer sets; mamf-finder: each sample one call of its benchmark_mm
/// (<see cref="MamfFinderSampler"/>) — and finally checks sampled outputs against the fp64 reference.
/// </summary>
internal sealed class MatmulShapeRunner
{
    private readonly GpuSession _session;
    private readonly CublasLtHandle _handle;
    private readonly MatmulKernels _kernels;
    private readonly MatmulBufferSets _sets;
    private readonly DeviceBuffer _workspace;
    private readonly MatmulDataType _type;
    private readonly MatmulMethod _method;
    private readonly MamfFinderBuffers? _mamfFinder;

    public MatmulShapeRunner(
        GpuSession session,
        CublasLtHandle handle,
        MatmulKernels kernels,
        MatmulBufferSets sets,
        DeviceBuffer workspace,
        MatmulDataType type,
        MatmulMethod method,
        MamfFinderBuffers? mamfFinder)
    {
        if (method == MatmulMethod.MamfFinder && mamfFinder is null)
        {
            throw new ArgumentNullException(nameof(mamfFinder), "the mamf-finder method needs its flush and output buffers");
        }

        _session = session;
        _handle = handle;
        _kernels = kernels;
        _sets = sets;
        _workspace = workspace;
        _type = type;
        _method = method;
        _mamfFinder = mamfFinder;
    }

    /// <summary>
    /// Measures <paramref name="shape"/> (as the method names it; cuBLASLt gets <see cref="MatmulMethods.CublasShape"/>).
    /// <paramref name="iterations"/> is products per sample (timed products for mamf-finder), null for the method's default.
    /// </summary>
    public MatmulShapeResult Run(
        MatmulShape shape,
        int algorithms,
        int? iterations,
        double targetSampleSeconds,
        MeasurementPolicy policy,
        CancellationToken cancellationToken)
    {
        MatmulShape cublas = _method.CublasShape(shape);
        using CublasLtMatmulPlan plan = CreatePlan(cublas);
        AlgorithmChoice choice = MatmulAlgorithmSelector.Select(_session, plan, Candidates(plan, cublas, algorithms), _sets, _workspace);
        SampleSeries series;
        int products;
        MamfFinderFigures? figures = null;
        if (_method == MatmulMethod.MamfFinder)
        {
            products = iterations ?? MamfFinderSettings.TimedProducts;
            using var sampler = new MamfFinderSampler(
                _session, plan, choice.Algorithm.Algo, _sets, _workspace, _kernels, _mamfFinder!, cublas, _type.OutputBytes, products);
            series = SampleLoop.Run(policy, sampler.MeasureOnce, cancellationToken);
            figures = sampler.ProductSeconds.Count > 0 ? MamfFinderFigures.From(shape.Flops, sampler.ProductSeconds) : null;
        }
        else
        {
            products = iterations ?? IterationCount.Auto(choice.SecondsPerProduct, targetSampleSeconds);
            var sampler = new BackToBackSampler(_session, plan, choice.Algorithm.Algo, _sets, _workspace, cublas, products);
            series = SampleLoop.Run(policy, sampler.MeasureOnce, cancellationToken);
        }


        // The check reads set 0's output, written last by one product of the chosen algorithm.
        plan.Run(choice.Algorithm.Algo, _sets.A[0], _sets.B[0], _sets.D[0], _workspace, _session.Stream);
        MatmulCheck check = _kernels.Check(_type, cublas, _sets.A[0], _sets.B[0], _sets.D[0]);
        return new MatmulShapeResult(shape, series, choice, products, _sets.Count, check) { MamfFinder = figures };
    }

    /// <summary>
    /// Runs <paramref name="shape"/> the method's way, unrecorded, until <paramref name="duration"/> has passed: the
    /// accelerator warm-up before a sweep (mamf-finder: its first shape for 30 s, so clocks and temperature settle).
    /// Returns how many samples' worth ran.
    /// </summary>
    public int WarmUp(MatmulShape shape, int algorithms, TimeSpan duration, CancellationToken cancellationToken)
    {
        MatmulShape cublas = _method.CublasShape(shape);
        using CublasLtMatmulPlan plan = CreatePlan(cublas);
        AlgorithmChoice choice = MatmulAlgorithmSelector.Select(_session, plan, Candidates(plan, cublas, algorithms), _sets, _workspace);
        using MamfFinderSampler? mamf = _method == MatmulMethod.MamfFinder
            ? new MamfFinderSampler(_session, plan, choice.Algorithm.Algo, _sets, _workspace, _kernels, _mamfFinder!, cublas, _type.OutputBytes,
                MamfFinderSettings.TimedProducts)
            : null;
        IMatmulSampler sampler = mamf as IMatmulSampler ?? new BackToBackSampler(
            _session, plan, choice.Algorithm.Algo, _sets, _workspace, cublas,
            IterationCount.Auto(choice.SecondsPerProduct, IterationCount.TargetSampleSeconds));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int runs = 0;
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            sampler.MeasureOnce();
            runs++;
        }

        return runs;
    }

    private CublasLtMatmulPlan CreatePlan(MatmulShape cublas) =>
        CublasLtMatmulPlan.Create(_handle, _type.Spec(cublas), MatmulMemoryPlan.WorkspaceBytes);

    private IReadOnlyList<CublasLtAlgorithm> Candidates(CublasLtMatmulPlan plan, MatmulShape cublas, int algorithms)
    {
        IReadOnlyList<CublasLtAlgorithm> candidates = plan.Heuristics(algorithms);
        return candidates.Count > 0
            ? candidates
            : throw new CouldNotRunException(
                $"cuBLASLt {CublasLtLibrary.Version()} has no algorithm for {_type.Name} {cublas} on {_session.Device.Name}");
    }

    /// <summary>The fast method's timed loop: no allocation, one event pair per sample.</summary>
    private sealed class BackToBackSampler(
        GpuSession session,
        CublasLtMatmulPlan plan,
        CublasLtMatmulAlgo algo,
        MatmulBufferSets sets,
        DeviceBuffer workspace,
        MatmulShape shape,
        int products) : IMatmulSampler
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
