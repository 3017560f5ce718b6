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

namespace AiBench.Benchmarks.Cpu;

/// <summary>
/// Host memory bandwidth with McCalpin's STREAM kernels over all cores, run and timed by the C engine in
/// native/ (OpenMP, static schedule, first-touch placement). Bytes per pass = accesses per element × 8 × elements:
/// copy and scale count 2 accesses, add and triad 3 — STREAM's convention, which does not count the extra read
/// of write-allocate, so the figures compare directly with STREAM, BabelStream and likwid-bench.
/// </summary>
public sealed class CpuMemoryBenchmark : IBenchmark
{
    /// <summary>A sample lasts at least this long, so small (in-cache) arrays are not timed at clock resolution.</summary>
    private const double MinimumSampleSeconds = 0.01;

    public string Id => "cpu.memory";

    public string Title => "CPU memory bandwidth (STREAM)";

    public ParameterSchema Parameters { get; } = new(
        new ParameterDefinition("kernel", ParameterKind.Choice, "copy,scale,add,triad", "STREAM kernel")
        {
            AllowedValues = StreamKernels.Names,
        },
        new ParameterDefinition(
            "size", ParameterKind.Size, "auto",
            "bytes per array (three arrays); auto = max(4 × last-level cache, 64 MiB), the three within a quarter of memory")
        {
            Unit = "B",
            Words = ["auto"],
            Minimum = sizeof(double),
        },
        new ParameterDefinition("threads", ParameterKind.Integer, "0", "OpenMP threads; 0 = all logical cores")
        {
            Minimum = 0,
            Maximum = 4096,
        });

    public Availability Probe(SystemInfo system) => StreamEngineProbe.Check();

    public async IAsyncEnumerable<Measurement> RunAsync(
        BenchmarkContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A dedicated thread: it is the OpenMP master for the whole case, and long native calls stay off the pool.
        yield return await Task.Factory.StartNew(
            () => Measure(context, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private Measurement Measure(BenchmarkContext context, CancellationToken cancellationToken)
    {
        Availability availability = StreamEngineProbe.Check();
        if (!availability.IsReady)
        {
            throw new CouldNotRunException(availability.Reason ?? "libaibench_native is not available");
        }

        StreamKernel kernel = StreamKernels.Parse(context.Case.GetText("kernel"));
        long arrayBytes = context.Case.GetOptionalInt64("size") ?? StreamArraySize.Auto(context.System);
        long elements = arrayBytes / sizeof(double);
        if (context.System.MemoryBytes > 0 && 3 * arrayBytes > context.System.MemoryBytes / 2)
        {
            throw new BadInputException(
                $"parameter 'size': 3 × {ByteSize.FormatBinary(arrayBytes)} is more than half of this machine's {ByteSize.FormatBinary(context.System.MemoryBytes)}");
        }

        int requestedThreads = context.Case.GetInt32("threads");
        int threads = requestedThreads > 0 ? requestedThreads : Interop.StreamEngine.MaxThreads();
        double bytesPerPass = (double)kernel.AccessesPerElement() * sizeof(double) * elements;

        context.Report($"{kernel.Name()}: initialising 3 × {ByteSize.FormatBinary(arrayBytes)}");
        using StreamArrays arrays = StreamArrays.Create(elements, threads);

        // One untimed pass sizes a sample (and faults in anything the initialisation left cold).
        double firstPass = arrays.Run(kernel, 1);
        int repetitions = (int)Math.Clamp(Math.Ceiling(MinimumSampleSeconds / Math.Max(firstPass, 1e-9)), 1, 1_000_000);
        double bytesPerSample = bytesPerPass * repetitions;

        context.Report($"{kernel.Name()}: sampling");
        SampleSeries series = SampleLoop.Run(
            context.Policy, () => bytesPerSample / arrays.Run(kernel, repetitions), cancellationToken);

        (long checkedCount, long wrong) = arrays.Validate(kernel);
        return new Measurement
        {
            Benchmark = Id,
            Metric = kernel.Name(),
            Unit = Unit.BytesPerSecond,
            Better = Direction.Higher,
            Params = context.Case.Values,
            Resolved = context.Case.Resolve(
                ("size", ParameterValue.Of(elements * sizeof(double))), ("threads", ParameterValue.Of(threads))),
            Samples = series.Samples,
            Stats = SampleStatisticsEstimator.Estimate(series.Samples, SampleKind.RateOfEqualWork),
            Correct = new Correctness(checkedCount, wrong),
            Info = new Dictionary<string, string>
            {
                ["threads"] = threads.ToString(CultureInfo.InvariantCulture),
                [InfoKeys.ArrayBytes] = (elements * sizeof(double)).ToString(CultureInfo.InvariantCulture),
                ["repetitionsPerSample"] = repetitions.ToString(CultureInfo.InvariantCulture),
                ["warmupRuns"] = series.WarmupRuns.ToString(CultureInfo.InvariantCulture),
                [InfoKeys.StopReason] = series.StopReason.ToString(),
            },
        };
    }
}
