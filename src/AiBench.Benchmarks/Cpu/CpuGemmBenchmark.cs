using System.Diagnostics;
using System.Globalization;
using System.Numerics;
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
/// Dense matrix multiply on the CPU with OpenBLAS (cblas_sgemm / cblas_dgemm), row-major, no transposes.
/// FLOPs = 2·m·n·k per product; a sample is the FLOP/s of back-to-back products lasting at least 20 ms.
/// </summary>
public sealed class CpuGemmBenchmark : IBenchmark
{
    private const double MinimumSampleSeconds = 0.02;
    private const int InputSeed = 20_240_601;
    private const int CheckSeed = 7;
    private const int CheckedOutputs = 64;

    public string Id => "cpu.gemm";

    public string Title => "CPU matrix multiply (OpenBLAS GEMM)";

    public ParameterSchema Parameters { get; } = new(
        new ParameterDefinition("dtype", ParameterKind.Choice, "fp32,fp64", "element type: fp32 (sgemm) or fp64 (dgemm)")
        {
            AllowedValues = ["fp32", "fp64"],
        },
        Dimension("m", "rows of A and C"),
        Dimension("n", "columns of B and C"),
        Dimension("k", "columns of A, rows of B"),
        new ParameterDefinition("threads", ParameterKind.Integer, "0", "OpenBLAS threads; 0 = the library's default")
        {
            Minimum = 0,
            Maximum = 4096,
        });

    public Availability Probe(SystemInfo system) =>
        OpenBlasLibrary.TryLoad(system.Cpu, out string? error) is null ? Availability.Unavailable(error!) : Availability.Ready;

    public async IAsyncEnumerable<Measurement> RunAsync(
        BenchmarkContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A dedicated thread: products last long and must not hold a thread-pool thread.
        yield return await Task.Factory.StartNew(
            () => context.Case.GetText("dtype") == "fp32"
                ? Measure<float>(context, cancellationToken)
                : Measure<double>(context, cancellationToken),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private static ParameterDefinition Dimension(string name, string description) =>
        new(name, ParameterKind.Integer, "1024", description) { Unit = "elements", Minimum = 1, Maximum = int.MaxValue };

    private Measurement Measure<T>(BenchmarkContext context, CancellationToken cancellationToken)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        OpenBlasLibrary blas = OpenBlasLibrary.TryLoad(context.System.Cpu, out string? error) ?? throw new CouldNotRunException(error!);
        int m = context.Case.GetInt32("m"), n = context.Case.GetInt32("n"), k = context.Case.GetInt32("k");
        int threads = context.Case.GetInt32("threads");
        double bytes = GemmOperands<T>.BytesNeeded(m, n, k);
        long memory = context.System.MemoryBytes > 0 ? context.System.MemoryBytes : long.MaxValue;
        if (bytes > memory / 2)
        {
            throw new BadInputException(
                $"m={m}, n={n}, k={k} needs {ByteSize.FormatBinary(bytes)} of matrices; this machine has {ByteSize.FormatBinary(context.System.MemoryBytes)}");
        }

        int? previousThreads = blas.Threads;
        if (threads > 0 && !blas.TrySetThreads(threads))
        {
            throw new BadInputException($"parameter 'threads': {blas.LoadedFrom} cannot set its thread count; use threads=0");
        }

        try
        {
            context.Report($"{context.Case.GetText("dtype")} {m}×{n}×{k}: preparing");
            using GemmOperands<T> operands = GemmOperands<T>.Create(m, n, k, InputSeed);

            // The first product starts the library's threads and packs caches; the second sizes a sample.
            operands.Multiply();
            long start = Stopwatch.GetTimestamp();
            operands.Multiply();
            double oneProduct = Math.Max(Stopwatch.GetElapsedTime(start).TotalSeconds, 1e-9);
            int products = (int)Math.Clamp(Math.Ceiling(MinimumSampleSeconds / oneProduct), 1, 100_000);
            double flopsPerSample = 2.0 * m * n * k * products;

            context.Report($"{context.Case.GetText("dtype")} {m}×{n}×{k}: sampling");
            SampleSeries series = SampleLoop.Run(context.Policy, MeasureOnce, cancellationToken);

            return new Measurement
            {
                Benchmark = Id,
                Metric = "throughput",
                Unit = Unit.FlopsPerSecond,
                Better = Direction.Higher,
                Params = context.Case.Values,
                Resolved = blas.Threads is { } used ? context.Case.Resolve(("threads", ParameterValue.Of(used))) : null,
                Samples = series.Samples,
                Stats = SampleStatisticsEstimator.Estimate(series.Samples, SampleKind.RateOfEqualWork),
                Correct = operands.Check(CheckedOutputs, CheckSeed),
                Info = new Dictionary<string, string>
                {
                    ["library"] = blas.LoadedFrom,
                    ["libraryConfig"] = blas.Config ?? "unknown",
                    ["openblasCore"] = blas.CoreName ?? "unknown",
                    ["openblasCoreSource"] = OpenBlasLibrary.ChosenCoreType is null
                        ? "OpenBLAS's own detection or the user's OPENBLAS_CORETYPE"
                        : "chosen by aibench from the CPU flags (set OPENBLAS_CORETYPE to override)",
                    ["threads"] = blas.Threads?.ToString(CultureInfo.InvariantCulture) ?? "library default",
                    [InfoKeys.ProductsPerSample] = products.ToString(CultureInfo.InvariantCulture),
                    ["warmupRuns"] = series.WarmupRuns.ToString(CultureInfo.InvariantCulture),
                    [InfoKeys.StopReason] = series.StopReason.ToString(),
                },
            };

            double MeasureOnce()
            {
                long begin = Stopwatch.GetTimestamp();
                for (int p = 0; p < products; p++)
                {
                    operands.Multiply();
                }

                return flopsPerSample * Stopwatch.Frequency / (Stopwatch.GetTimestamp() - begin);
            }
        }
        finally
        {
            if (threads > 0 && previousThreads is { } previous)
            {
                blas.TrySetThreads(previous);
            }
        }
    }
}
