using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Core.Units;

namespace AiBench.Tests.Reporting;

/// <summary>
/// A realistic run for the reporting tests: gpu.matmul over three dtypes against per-dtype vendor peaks
/// (fp8 fails its efficiency rule), an all-reduce size sweep in two modes with a link baseline, its
/// latency, one benchmark that could not run and one rule with no measurement.
/// </summary>
internal static class ReportingSampleRun
{
    public const double Bf16Peak = 989.5e12;
    public const double Fp8Peak = 1978.9e12;
    public const double LinkRate = 12.5e9;
    public const int SamplesPerMeasurement = 20;
    public const string ErrorMessage = "no S3 endpoint configured, see <script>alert(1)</script> & docs";

    public static readonly long[] SweepSizes = [8, 1024, 65536, 1 << 20, 1 << 26, 1 << 30];

    public static int MatmulCount => 3;

    public static int SweepCount => SweepSizes.Length * 2 * 2;

    public static int MeasurementCount => MatmulCount + SweepCount;

    public static Run Create(double matmulScale = 1.0)
    {
        var random = new Random(42);
        var measurements = new List<Measurement>
        {
            Matmul(random, "bf16", 792e12 * matmulScale, Bf16Peak),
            Matmul(random, "fp16", 780e12 * matmulScale, Bf16Peak),
            Matmul(random, "fp8-e4m3", 1088e12 * matmulScale, Fp8Peak),
        };
        foreach (string mode in new[] { "in-place", "out-of-place" })
        {
            foreach (long bytes in SweepSizes)
            {
                // A saturating curve: latency-bound at small sizes, near line rate at large ones.
                double seconds = 20e-6 + bytes / (0.92 * LinkRate);
                measurements.Add(AllReduce(random, mode, bytes, "busbw", Unit.BytesPerSecond, Direction.Higher, bytes / seconds));
                measurements.Add(AllReduce(random, mode, bytes, "time", Unit.Seconds, Direction.Lower, seconds));
            }
        }

        return new Run
        {
            RunId = "2026-11-26T14-02-11Z-node17-3f9a",
            Status = RunStatus.Partial,
            Verdict = VerdictStatus.Fail,
            Tool = new ToolInfo("0.1.0", "abc1234"),
            Suite = "acceptance",
            CommandLine = "aibench run --suite acceptance",
            StartedAt = DateTimeOffset.Parse("2026-11-26T14:02:11Z"),
            FinishedAt = DateTimeOffset.Parse("2026-11-26T14:05:00Z"),
            System = new SystemInfo
            {
                Host = "node17",
                Cpu = new CpuInfo { Model = "AMD EPYC 9654", LogicalCores = 192, PhysicalCores = 96, Sockets = 2 },
                MemoryBytes = 1L << 40,
                Os = "Debian GNU/Linux 12",
                Kernel = "6.1.0-26-amd64",
                Gpus = [new GpuInfo { Index = 0, Name = "NVIDIA H100 80GB HBM3", Sku = "h100-sxm5-80gb", Driver = "550.54.15", PcieGeneration = 5, PcieWidth = 16 }],
                Nics = [new NicInfo { Name = "mlx5_0", LinkLayer = "InfiniBand", RateBitsPerSecond = 400e9, Source = "/sys/class/infiniband/mlx5_0/ports/1/rate" }],
                BlockDevices = [new BlockDeviceInfo { Name = "nvme0n1", Model = "SAMSUNG MZWLR3T8", IsNvme = true, SizeBytes = 3_840_000_000_000 }],
            },
            Measurements = measurements,
            Errors = [new RunError("storage.s3", RunErrorKind.Unavailable, ErrorMessage)],
            RuleFailures = [new MeasurementVerdict(VerdictStatus.Fail, "gpu.memory/triad min_efficiency 0.88", "missing measurement")],
        };
    }

    public static double[] Samples(Random random, double center, double relativeNoise = 0.01) =>
        Enumerable.Range(0, SamplesPerMeasurement).Select(_ => center * (1 + relativeNoise * (random.NextDouble() - 0.5))).ToArray();

    private static Measurement Matmul(Random random, string dtype, double center, double peak)
    {
        double[] samples = Samples(random, center);
        SampleStatistics stats = SampleStatisticsEstimator.Estimate(samples);
        double efficiency = stats.Median / peak;
        return new Measurement
        {
            Benchmark = "gpu.matmul",
            Metric = "throughput",
            Unit = Unit.FlopsPerSecond,
            Better = Direction.Higher,
            Params = new Dictionary<string, ParameterValue>
            {
                ["dtype"] = ParameterValue.Of(dtype),
                ["m"] = ParameterValue.Of(8192),
                ["n"] = ParameterValue.Of(8192),
                ["k"] = ParameterValue.Of(8192),
            },
            Labels = new Dictionary<string, string> { ["device"] = "0" },
            Samples = samples,
            Stats = stats,
            Correct = new Correctness(4096, 0),
            BaselineKey = $"peak_tflops.{dtype}",
            Baseline = new BaselineComparison("vendor:h100-sxm5-80gb", peak, efficiency),
            Verdict = new MeasurementVerdict(efficiency >= 0.70 ? VerdictStatus.Pass : VerdictStatus.Fail, "efficiency >= 0.70"),
        };
    }

    private static Measurement AllReduce(Random random, string mode, long bytes, string metric, string unit, Direction better, double center)
    {
        double[] samples = Samples(random, center, 0.04);
        SampleStatistics stats = SampleStatisticsEstimator.Estimate(samples);
        return new Measurement
        {
            Benchmark = "net.allreduce",
            Metric = metric,
            Unit = unit,
            Better = better,
            Params = new Dictionary<string, ParameterValue>
            {
                ["bytes"] = ParameterValue.Of(bytes),
                ["mode"] = ParameterValue.Of(mode),
            },

            // A comma inside a label: the CSV must quote the labels field.
            Labels = new Dictionary<string, string> { ["nics"] = "mlx5_0,mlx5_1", ["rank"] = "0" },
            Samples = samples,
            Stats = stats,
            Correct = new Correctness(bytes / 4, 0),
            Baseline = metric == "busbw" ? new BaselineComparison("link:mlx5_0", LinkRate, stats.Median / LinkRate) : null,
        };
    }
}
