using System.Globalization;
using System.Runtime.CompilerServices;
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
/// Dense matrix-multiply throughput on cuBLASLt (DESIGN.md, gpu.matmul). FLOPs = 2·m·n·k per product, TN layout
/// for every dtype (see <see cref="MatmulDataType"/>), 32 MiB workspace. The top <c>algorithms</c> heuristic
/// candidates are timed and the fastest kept; each sample is a batch of back-to-back products between two CUDA
/// events, rotating through enough A/B/D sets that they exceed twice the L2 cache; inputs are random, never zero;
/// sampled outputs are checked against an fp64 reference afterwards.
/// <para>
/// <c>mode=fixed</c> measures the shape m×n×k. <c>mode=mamf</c> searches the grid <c>m_range × n_range × k_range</c>
/// (each <c>start:stop:step</c>, inclusive, or one value; default m = 1024..8192 step 1024 with n = k = 4096, the
/// quick form of ml-engineering's mamf-finder), timing each shape briefly (<see cref="MamfPolicy"/>), and reports
/// <c>throughput</c> of the best shape (its m, n, k in Info) and <c>throughput_mean</c>, the mean over the shapes.
/// </para>
/// </summary>
public sealed class GpuMatmulBenchmark : IBenchmark
{
    private const string Fixed = "fixed";
    private const string Mamf = "mamf";

    public string Id => "gpu.matmul";

    public string Title => "GPU matrix multiply (cuBLASLt)";

    public ParameterSchema Parameters { get; } = new(
        new ParameterDefinition(
            "dtype", ParameterKind.Choice, "bf16",
            "element type: fp64, fp32, tf32 (fp32 data on TF32 tensor cores), fp16, bf16, fp8 (e4m3 in, bf16 out; compute capability 8.9+)")
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
        new ParameterDefinition("m_range", ParameterKind.Text, "1024:8192:1024", "mode=mamf: m values, start:stop:step (inclusive) or one value"),
        new ParameterDefinition("n_range", ParameterKind.Text, "4096", "mode=mamf: n values, start:stop:step or one value"),
        new ParameterDefinition("k_range", ParameterKind.Text, "4096", "mode=mamf: k values, start:stop:step or one value"),
        new ParameterDefinition("algorithms", ParameterKind.Integer, "8", "heuristic candidates timed per shape; the fastest is kept")
        {
            Minimum = 1,
            Maximum = 64,
        },
        new ParameterDefinition("iterations", ParameterKind.Integer, "auto", "products per sample; auto = about 30 ms of products")
        {
            Words = ["auto"],
            Minimum = 1,
            Maximum = IterationCount.MaxIterations,
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
        MatmulDataType type = MatmulDataType.Parse(@case.GetText("dtype"));
        bool mamf = string.Equals(@case.GetText("mode"), Mamf, StringComparison.OrdinalIgnoreCase);
        IReadOnlyList<MatmulShape> shapes = mamf
            ? ShapeGrid.Expand(@case.GetText("m_range"), @case.GetText("n_range"), @case.GetText("k_range"))
            : [new MatmulShape(@case.GetInt64("m"), @case.GetInt64("n"), @case.GetInt64("k"))];
        CheckDimensions(type, shapes);
        int algorithms = @case.GetInt32("algorithms");
        int? iterations = (int?)@case.GetOptionalInt64("iterations");
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
            using MatmulBufferSets sets = AllocateSets(session, kernels, type, shapes);
            var runner = new MatmulShapeRunner(session, handle, kernels, sets, workspace, type);

            var results = new List<MatmulShapeResult>(shapes.Count);
            MeasurementPolicy policy = mamf ? MamfPolicy.ForShape(context.Policy, shapes.Count) : context.Policy;
            double target = mamf ? MamfPolicy.TargetSampleSeconds : IterationCount.TargetSampleSeconds;
            foreach (MatmulShape shape in shapes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                context.Report($"{type.Name} {shape}: timing {algorithms} algorithms, sampling ({results.Count + 1}/{shapes.Count})");
                MatmulShapeResult result = runner.Run(shape, algorithms, iterations, target, policy, cancellationToken);
                context.Logger.LogInformation(
                    "gpu.matmul {Dtype} {Shape}: {Tflops:0.0} TFLOP/s, algorithm rank {Rank} of {Count}, {Wrong}/{Checked} wrong",
                    type.Name, shape, result.Median / 1e12, result.Choice.Algorithm.Rank, result.Choice.Timings.Count,
                    result.Check.Wrong, result.Check.Checked);
                results.Add(result);
            }

            var info = new Dictionary<string, string>(StringComparer.Ordinal);
            GpuInfo.AddTelemetry(info, device);
            GpuInfo.AddDevice(info, device);
            AddLibraryInfo(info, type);
            return mamf ? MamfMeasurements(context, type, results, info) : [FixedMeasurement(context, type, results[0], info)];
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

    private static MatmulBufferSets AllocateSets(GpuSession session, MatmulKernels kernels, MatmulDataType type, IReadOnlyList<MatmulShape> shapes)
    {
        MatmulShape envelope = ShapeGrid.Envelope(shapes);
        long setBytes = envelope.SetBytes(type.InputBytes, type.OutputBytes);
        long smallest = shapes.Min(s => s.SetBytes(type.InputBytes, type.OutputBytes));
        int wanted = MatmulMemoryPlan.WantedSets(smallest, session.Device.L2CacheBytes);
        DeviceMemoryInfo memory = session.Context.GetMemoryInfo();
        int sets = MatmulMemoryPlan.FittingSets(wanted, setBytes, memory.FreeBytes, memory.TotalBytes);
        if (sets == 0)
        {
            throw new CouldNotRunException(
                $"{type.Name} {envelope} needs {MatmulMemoryPlan.Describe(setBytes)} for A, B and D plus "
                + $"{MatmulMemoryPlan.Describe(MatmulMemoryPlan.WorkspaceBytes + MatmulMemoryPlan.ReserveBytes(memory.TotalBytes))} "
                + $"of workspace and reserve; device {session.Device.Ordinal} has {MatmulMemoryPlan.Describe(memory.FreeBytes)} free");
        }

        return MatmulBufferSets.Allocate(session, kernels, type, envelope, sets);
    }

    private static void AddLibraryInfo(Dictionary<string, string> info, MatmulDataType type)
    {
        info["cublasLt"] = CublasLtLibrary.Version();
        info["cublasLtLibrary"] = CublasLtLibrary.LoadedFrom ?? "";
        info["nvrtc"] = NvrtcCompiler.Version();
        info["computeType"] = MatmulComputeTypeNames.Of(type.ComputeType);
        info["layout"] = "TN (A stored k x m, lda = k; B k x n; D m x n)";
        info["workspaceLimitBytes"] = GpuInfo.Text(MatmulMemoryPlan.WorkspaceBytes);
    }

    private static void AddShapeInfo(Dictionary<string, string> info, MatmulShapeResult result, MatmulDataType type)
    {
        info["algorithmRank"] = GpuInfo.Text(result.Choice.Algorithm.Rank);
        info["algorithmsTimed"] = GpuInfo.Text(result.Choice.Timings.Count);
        info["algorithmTimings"] = MatmulAlgorithmSelector.Describe(result.Choice.Timings);
        info["workspaceBytes"] = GpuInfo.Text(result.Choice.Algorithm.WorkspaceBytes);
        info["wavesCount"] = GpuInfo.Text(result.Choice.Algorithm.Waves);
        info["secondsPerProduct"] = GpuInfo.Text(result.Median > 0 ? result.Shape.Flops / result.Median : double.NaN);
        info["productsPerSample"] = GpuInfo.Text(result.ProductsPerSample);
        info["bufferSets"] = GpuInfo.Text(result.BufferSets);
        info["workingSetBytes"] = GpuInfo.Text(result.BufferSets * result.Shape.SetBytes(type.InputBytes, type.OutputBytes));
        info["stopReason"] = result.Series.StopReason.ToString();
        info["warmupRuns"] = GpuInfo.Text(result.Series.WarmupRuns);
        info["maxErrorRatio"] = GpuInfo.Text(result.Check.MaxErrorRatio);
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
            ["aggregate"] = "arithmetic mean over the shapes of each shape's median",
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
            BaselineKey = $"gpu.peak_tflops.{type.Name}",
            Info = info,
        };
}
