using System.Globalization;
using System.Runtime.CompilerServices;
using AiBench.Core.Baselines;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Core.Units;
using AiBench.Cuda;
using Microsoft.Extensions.Logging;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// Dense matrix-multiply throughput on cuBLASLt (docs/methodology.md, gpu.matmul). FLOPs = 2·m·n·k per product, TN layout
/// for every dtype (see <see cref="MatmulDataType"/>), 32 MiB workspace. The top <c>algorithms</c> heuristic
/// candidates are timed and the fastest kept; each sample is a batch of back-to-back products between two CUDA
/// events, rotating through enough A/B/D sets that they exceed twice the L2 cache; inputs are random, never zero;
/// sampled outputs are checked against an fp64 reference afterwards.
/// <para>
/// <c>mode=fixed</c> measures the shape m×n×k. <c>mode=mamf</c> searches the grid <c>m_range × n_range × k_range</c>
/// (each <c>start:stop:step</c> or one value; default m = 1024..8192 step 1024 with n = k = 4096, the quick form of
/// ml-engineering's mamf-finder), and reports <c>throughput</c> of the best shape (its m, n, k in Info) and
/// <c>throughput_mean</c>, the mean over the shapes.
/// </para>
/// <para>
/// <c>method</c> says how (see <see cref="MatmulMethod"/>): <c>fast</c>, AiBench's faster settings (the default, and
/// what the figures always meant), or <c>mamf-finder</c>, mamf-finder.py's own — accelerator warm-up, per-product
/// timing after an L2 flush, FLOPs / mean time, fp8 without fast accumulation into an e4m3 output, ranges without
/// their stop — so the figure means what mamf-finder's MAMF means.
/// </para>
/// </summary>
public sealed class GpuMatmulBenchmark : IBenchmark
{
    private const string Fixed = "fixed";
    private const string Mamf = "mamf";

    public string Id => "gpu.matmul";

    public string Title => "GPU matrix multiply (cuBLASLt)";

    public BaselineFamily Datasheet => BaselineFamily.Gpu;

    public ParameterSchema Parameters { get; } = new(
        new ParameterDefinition(
            "dtype", ParameterKind.Choice, "bf16",
            "element type: fp64, fp32, tf32 (fp32 data on TF32 tensor cores), fp16, bf16, fp8 (e4m3 in; bf16 out with fast accumulation "
            + "under method=fast, e4m3 out without it under method=mamf-finder; compute capability 8.9+)")
        {
            AllowedValues = MatmulDataType.Names,
        },
        Dimension("m", "rows of op(A) and of the output (mode=fixed)"),
        Dimension("n", "columns of op(B) and of the output (mode=fixed)"),
        Dimension("k", "the inner dimension (mode=fixed)"),
        new ParameterDefinition(
            "mode", ParameterKind.Choice, Fixed, "fixed: the shape m×n×k; mamf: search m_range × n_range × k_range for the maximum")
        {
            AllowedValues = [Fixed, Mamf],
        },
        new ParameterDefinition(
            "method", ParameterKind.Choice, "fast",
            "fast: AiBench's faster settings (best of the heuristic's top candidates, back-to-back products, fp8 into bf16 with "
            + "fast accumulation); mamf-finder: mamf-finder.py's (30 s accelerator warm-up, 50 + 100 products per shape each timed "
            + "alone after an L2 flush, FLOPs / mean time, M×N×K row-major as torch.mm, fp8 into e4m3 without fast accumulation)")
        {
            AllowedValues = MatmulMethods.Names,
        },
        new ParameterDefinition("m_range", ParameterKind.Text, "1024:8192:1024",
            "mode=mamf: m values, start:stop:step (or start..stop+step, start..stop*factor) or one value; stop included (method=fast) or excluded as np.arange (method=mamf-finder)"),
        new ParameterDefinition("n_range", ParameterKind.Text, "4096", "mode=mamf: n values, start:stop:step or one value (stop as m_range)"),
        new ParameterDefinition("k_range", ParameterKind.Text, "4096", "mode=mamf: k values, start:stop:step or one value (stop as m_range)"),
        new ParameterDefinition(
            "algorithms", ParameterKind.Integer, "auto",
            "heuristic candidates timed per shape, the fastest kept; auto = 8 (fast) or 1, the heuristic's choice as cuBLAS and torch take it (mamf-finder)")
        {
            Words = ["auto"],
            Minimum = 1,
            Maximum = 64,
        },
        new ParameterDefinition(
            "iterations", ParameterKind.Integer, "auto",
            "products per sample; auto = about 30 ms of products (fast) or 100 timed products (mamf-finder's --num_iterations)")
        {
            Words = ["auto"],
            Minimum = 1,
            Maximum = IterationCount.MaxIterations,
        },
        new ParameterDefinition(
            "accelerator_warmup", ParameterKind.Duration, "auto",
            "time spent running the first shape before any is measured; auto = 30 s (mamf-finder) or none (fast)")
        {
            Words = ["auto"],
            Unit = "s",
            Minimum = 0,
            Maximum = 3600,
        },
        new ParameterDefinition("device", ParameterKind.Integer, "0", "CUDA device index")
        {
            Minimum = 0,
            Maximum = 1023,
        });

    public Availability Probe(SystemInfo system) => GpuAvailability.Check(needsCublasLt: true);

    public async IAsyncEnumerable<Measurement> RunAsync(
        BenchmarkContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One dedicated thread for the case: a CUDA context is current per thread.
        IReadOnlyList<Measurement> measurements = await Task.Factory.StartNew(
            () => Measure(context, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        foreach (Measurement measurement in measurements)
        {
            yield return measurement;
        }
    }

    private static ParameterDefinition Dimension(string name, string description) =>
        new(name, ParameterKind.Integer, "8192", description) { Minimum = 1, Maximum = 1 << 20 };

    private IReadOnlyList<Measurement> Measure(BenchmarkContext context, CancellationToken cancellationToken)
    {
        BenchmarkCase @case = context.Case;
        MatmulMethod method = MatmulMethods.Parse(@case.GetText("method"));
        MatmulDataType type = MatmulDataType.For(@case.GetText("dtype"), method);
        bool mamf = string.Equals(@case.GetText("mode"), Mamf, StringComparison.OrdinalIgnoreCase);
        IReadOnlyList<MatmulShape> shapes = mamf
            ? ShapeGrid.Expand(@case.GetText("m_range"), @case.GetText("n_range"), @case.GetText("k_range"), method.RangesIncludeStop())
            : [new MatmulShape(@case.GetInt64("m"), @case.GetInt64("n"), @case.GetInt64("k"))];
        CheckDimensions(type, shapes);
        int algorithms = (int?)@case.GetOptionalInt64("algorithms") ?? method.AutoAlgorithms();
        int? iterations = (int?)@case.GetOptionalInt64("iterations");
        TimeSpan acceleratorWarmup = @case["accelerator_warmup"].IsNumber
            ? TimeSpan.FromSeconds(@case.GetDouble("accelerator_warmup"))
            : method.AutoAcceleratorWarmup();
        int ordinal = @case.GetInt32("device");
        GpuAvailability.EnsureReady(needsCublasLt: true);

        try
        {
            using GpuSession session = GpuSession.Open(ordinal);
            CudaDeviceInfo device = session.Device;
            if (device.ComputeCapability < type.MinimumCapability)
            {
                throw new CouldNotRunException(
                    $"{type.Name} needs compute capability {type.MinimumCapability}+; "
                    + $"device {ordinal} ({device.Name}) is {device.ComputeCapability}");
            }

            context.Report($"{type.Name}: compiling kernels, allocating buffers");
            using CublasLtHandle handle = CublasLtHandle.Create(session.Context);
            using MatmulKernels kernels = MatmulKernels.Load(session);
            using DeviceBuffer workspace = DeviceBuffer.Allocate(session.Context, MatmulMemoryPlan.WorkspaceBytes);
            // Buffers are sized for the products cuBLASLt runs (mamf-finder's swap m and n).
            MatmulShape envelope = ShapeGrid.Envelope([.. shapes.Select(shape => method.CublasShape(shape))]);
            using MatmulBufferSets sets = AllocateSets(session, kernels, type, method, envelope, shapes);
            using MamfFinderBuffers? mamfFinder = method == MatmulMethod.MamfFinder
                ? MamfFinderBuffers.Allocate(session, kernels, type, envelope)
                : null;
            var runner = new MatmulShapeRunner(session, handle, kernels, sets, workspace, type, method, mamfFinder);

            var info = new Dictionary<string, string>(StringComparer.Ordinal);
            if (acceleratorWarmup > TimeSpan.Zero)
            {
                context.Report($"{type.Name} {shapes[0]}: warming the accelerator up for {acceleratorWarmup.TotalSeconds:0.#} s");
                int runs = runner.WarmUp(shapes[0], algorithms, acceleratorWarmup, cancellationToken);
                info["acceleratorWarmup"] = string.Create(
                    CultureInfo.InvariantCulture, $"{acceleratorWarmup.TotalSeconds:0.###} s on {shapes[0]} ({runs} samples' worth, not recorded)");
            }

            var results = new List<MatmulShapeResult>(shapes.Count);
            MeasurementPolicy policy = method == MatmulMethod.MamfFinder
                ? MamfPolicy.ForMamfFinder(context.Policy, shapes.Count, mamf)
                : mamf ? MamfPolicy.ForShape(context.Policy, shapes.Count) : context.Policy;
            double target = mamf ? MamfPolicy.TargetSampleSeconds : IterationCount.TargetSampleSeconds;
            foreach (MatmulShape shape in shapes)
            {
                // Ctrl-C keeps the shapes already measured (and the samples of the one in progress); only a case
                // interrupted before its first sample has nothing to report.
                if (cancellationToken.IsCancellationRequested)
                {
                    if (results.Count == 0)
                    {
                        throw new OperationCanceledException(cancellationToken);
                    }

                    break;
                }

                context.Report($"{type.Name} {shape}: timing {algorithms} algorithms, sampling ({results.Count + 1}/{shapes.Count})");
                MatmulShapeResult result;
                try
                {
                    result = runner.Run(shape, algorithms, iterations, target, policy, cancellationToken);
                }
                catch (OperationCanceledException) when (results.Count > 0)
                {
                    break;
                }

                context.Logger.LogInformation(
                    "gpu.matmul {Dtype} {Shape}: {Tflops:0.0} TFLOP/s, algorithm rank {Rank} of {Count}, {Wrong}/{Checked} wrong",
                    type.Name, shape, result.Median / 1e12, result.Choice.Algorithm.Rank, result.Choice.Timings.Count,
                    result.Check.Wrong, result.Check.Checked);
                results.Add(result);
            }

            GpuInfo.AddTelemetry(info, device);
            GpuInfo.AddDevice(info, device);
            AddLibraryInfo(info, type);
            AddMethodInfo(info, method, algorithms, mamf);
            IReadOnlyList<Measurement> figures = mamf ? MamfMeasurements(context, type, results, info) : [FixedMeasurement(context, type, results[0], info)];
            IReadOnlyDictionary<string, ParameterValue>? resolved = @case.Resolve(
                ("algorithms", ParameterValue.Of(algorithms)), ("accelerator_warmup", ParameterValue.Of(acceleratorWarmup.TotalSeconds)));
            return [.. figures.Select(m => m with { Resolved = resolved })];
        }
        catch (CudaException e)
        {
            throw new CouldNotRunException($"gpu.matmul on device {ordinal}: {e.Message}", e);
        }
    }

    private static void CheckDimensions(MatmulDataType type, IReadOnlyList<MatmulShape> shapes)
    {
        int multiple = type.DimensionMultiple;
        foreach (MatmulShape shape in shapes)
        {
            if (shape.M % multiple != 0 || shape.N % multiple != 0 || shape.K % multiple != 0)
            {
                throw new BadInputException($"{type.Name} needs m, n and k to be multiples of {multiple} (cuBLASLt's fp8 rule); {shape} is not");
            }
        }
    }

    private static MatmulBufferSets AllocateSets(
        GpuSession session, MatmulKernels kernels, MatmulDataType type, MatmulMethod method, MatmulShape envelope, IReadOnlyList<MatmulShape> shapes)
    {
        long setBytes = envelope.SetBytes(type.InputBytes, type.OutputBytes);
        long smallest = shapes.Min(s => s.SetBytes(type.InputBytes, type.OutputBytes));

        // mamf-finder uses one set and flushes the L2 before each product instead; its flush and random output come out
        // of the same free memory.
        int wanted = method == MatmulMethod.MamfFinder ? 1 : MatmulMemoryPlan.WantedSets(smallest, session.Device.L2CacheBytes);
        long extra = method == MatmulMethod.MamfFinder ? MamfFinderBuffers.Bytes(envelope, type) : 0;
        DeviceMemoryInfo memory = session.Context.GetMemoryInfo();
        int sets = MatmulMemoryPlan.FittingSets(wanted, setBytes, memory.FreeBytes - extra, memory.TotalBytes);
        if (sets == 0)
        {
            throw new CouldNotRunException(
                $"{type.Name} {envelope} needs {MatmulMemoryPlan.Describe(setBytes)} for A, B and D plus "
                + $"{MatmulMemoryPlan.Describe(MatmulMemoryPlan.WorkspaceBytes + MatmulMemoryPlan.ReserveBytes(memory.TotalBytes) + extra)} "
                + $"of workspace and reserve; device {session.Device.Ordinal} has {MatmulMemoryPlan.Describe(memory.FreeBytes)} free");
        }

        return MatmulBufferSets.Allocate(session, kernels, type, envelope, sets);
    }

    private static void AddLibraryInfo(Dictionary<string, string> info, MatmulDataType type)
    {
        info["cublasLt"] = CublasLtLibrary.Version();
        info["cublasLtLibrary"] = CublasLtLibrary.LoadedFrom ?? "";
        info["nvrtc"] = NvrtcCompiler.Version();
        info[InfoKeys.ComputeType] = MatmulComputeTypeNames.Of(type.ComputeType);
        info["inputType"] = type.InputType.ToString();
        info["outputType"] = type.OutputType.ToString();
        info["fastAccumulation"] = type.FastAccumulation ? "true" : "false";
        info["layout"] = "TN (A stored k x m, lda = k; B k x n; D m x n)";
        info["workspaceLimitBytes"] = GpuInfo.Text(MatmulMemoryPlan.WorkspaceBytes);
    }

    private static void AddMethodInfo(Dictionary<string, string> info, MatmulMethod method, int algorithms, bool sweep)
    {
        info[InfoKeys.Method] = method.Name();
        info["algorithmsRequested"] = GpuInfo.Text(algorithms);
        if (method == MatmulMethod.MamfFinder)
        {
            info["timing"] = string.Create(CultureInfo.InvariantCulture,
                $"mamf-finder benchmark_mm per sample: {MamfFinderSettings.WarmupProducts} warm-up products, then each timed product alone "
                + $"(events around it) after zeroing {MamfFinderSettings.L2FlushBytes >> 20} MiB and rewriting the output; sample = FLOPs / mean time");
            info["shapeLayout"] = "M x N x K row-major as torch.mm(A, B): cuBLASLt TN with its m = N, n = M";
            if (sweep)
            {
                info["ranges"] = "start:stop:step excludes stop (np.arange, as mamf-finder); one sample per shape";
            }
        }
        else
        {
            info["timing"] = "back-to-back products between two events per sample, rotating buffer sets larger than 2 x L2";
            if (sweep)
            {
                info["ranges"] = "start:stop:step includes stop (unlike mamf-finder's np.arange)";
            }
        }
    }

    private static void AddShapeInfo(Dictionary<string, string> info, MatmulShapeResult result, MatmulDataType type)
    {
        info["algorithmRank"] = GpuInfo.Text(result.Choice.Algorithm.Rank);
        info["algorithmsTimed"] = GpuInfo.Text(result.Choice.Timings.Count);
        info["algorithmTimings"] = MatmulAlgorithmSelector.Describe(result.Choice.Timings);
        info["workspaceBytes"] = GpuInfo.Text(result.Choice.Algorithm.WorkspaceBytes);
        info["wavesCount"] = GpuInfo.Text(result.Choice.Algorithm.Waves);
        info["secondsPerProduct"] = GpuInfo.Text(result.Median > 0 ? result.Shape.Flops / result.Median : double.NaN);
        info[InfoKeys.ProductsPerSample] = GpuInfo.Text(result.ProductsPerSample);
        info["bufferSets"] = GpuInfo.Text(result.BufferSets);
        info[InfoKeys.WorkingSetBytes] = GpuInfo.Text(result.BufferSets * result.Shape.SetBytes(type.InputBytes, type.OutputBytes));
        info[InfoKeys.StopReason] = result.Series.StopReason.ToString();
        info["warmupRuns"] = GpuInfo.Text(result.Series.WarmupRuns);
        info["maxErrorRatio"] = GpuInfo.Text(result.Check.MaxErrorRatio);
        if (result.MamfFinder is { } figures)
        {
            info["mamfFinderMeanFlops"] = GpuInfo.Text(figures.Mean);
            info["mamfFinderMedianFlops"] = GpuInfo.Text(figures.Median);
            info["mamfFinderMaxFlops"] = GpuInfo.Text(figures.Max);
        }
    }

    private Measurement FixedMeasurement(BenchmarkContext context, MatmulDataType type, MatmulShapeResult result, Dictionary<string, string> info)
    {
        AddShapeInfo(info, result, type);
        return Throughput(context, type, "throughput", result.Series.Samples, new Correctness(result.Check.Checked, result.Check.Wrong), info);
    }

    private IReadOnlyList<Measurement> MamfMeasurements(
        BenchmarkContext context, MatmulDataType type, List<MatmulShapeResult> results, Dictionary<string, string> info)
    {
        MatmulShapeResult best = results.MaxBy(r => r.Median)!;
        var correct = new Correctness(results.Sum(r => r.Check.Checked), results.Sum(r => r.Check.Wrong));
        info["shapes"] = GpuInfo.Text(results.Count);
        info["shapeResults"] = string.Join(" ", results.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Shape}={r.Median / 1e12:0.0}T")));

        var bestInfo = new Dictionary<string, string>(info, StringComparer.Ordinal)
        {
            ["bestShape"] = best.Shape.ToString(),
            ["bestM"] = GpuInfo.Text(best.Shape.M),
            ["bestN"] = GpuInfo.Text(best.Shape.N),
            ["bestK"] = GpuInfo.Text(best.Shape.K),
        };
        AddShapeInfo(bestInfo, best, type);
        double mean = results.Average(r => r.Median);
        var meanInfo = new Dictionary<string, string>(info, StringComparer.Ordinal)
        {
            ["aggregate"] = "arithmetic mean over the shapes of each shape's median (mamf-finder's 'arithmetic mean' of its shapes)",
            ["geometricMean"] = GpuInfo.Text(MamfFinderFigures.GeometricMean([.. results.Select(r => r.Median)])),
        };
        return
        [
            Throughput(context, type, "throughput", best.Series.Samples, correct, bestInfo),
            Throughput(context, type, "throughput_mean", [mean], correct, meanInfo),
        ];
    }

    private Measurement Throughput(
        BenchmarkContext context,
        MatmulDataType type,
        string metric,
        IReadOnlyList<double> samples,
        Correctness correct,
        Dictionary<string, string> info) =>
        new()
        {
            Benchmark = Id,
            Metric = metric,
            Unit = Unit.FlopsPerSecond,
            Better = Direction.Higher,
            Params = context.Case.Values,
            Labels = new Dictionary<string, string> { ["device"] = GpuInfo.Text(context.Case.GetInt64("device")) },
            Samples = samples,
            Stats = SampleStatisticsEstimator.Estimate(samples),
            Correct = correct,
            BaselineKey = BaselineKeys.GpuPeak(type.Name),
            Info = info,
        };
}
