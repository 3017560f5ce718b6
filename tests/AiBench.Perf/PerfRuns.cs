using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Core.Units;

namespace AiBench.Perf;

/// <summary>Synthetic runs of a realistic shape: a size sweep of a collective, 50 samples per figure.</summary>
public static class PerfRuns
{
    public const int SamplesPerMeasurement = 50;

    public static Run Create(int measurements)
    {
        var random = new Random(7);
        var list = new List<Measurement>(measurements);
        for (int i = 0; i < measurements; i++)
        {
            double center = 1e9 * (1 + i % 37);
            double[] samples = Enumerable.Range(0, SamplesPerMeasurement).Select(_ => center * (1 + 0.02 * random.NextDouble())).ToArray();
            SampleStatistics stats = SampleStatisticsEstimator.Estimate(samples);
            list.Add(new Measurement
            {
                Benchmark = "net.allreduce",
                Metric = "busbw",
                Unit = Unit.BytesPerSecond,
                Better = Direction.Higher,
                Params = new Dictionary<string, ParameterValue>
                {
                    ["bytes"] = ParameterValue.Of(8L << (i % 31)),
                    ["mode"] = ParameterValue.Of(i % 2 == 0 ? "in-place" : "out-of-place"),
                },
                Labels = new Dictionary<string, string> { ["rank"] = (i / 62).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                Samples = samples,
                Stats = stats,
                Correct = new Correctness(1024, 0),
                Baseline = new BaselineComparison("link:mlx5_0", 50e9, stats.Median / 50e9),
                Verdict = new MeasurementVerdict(VerdictStatus.Pass, "efficiency >= 0.01"),
            });
        }

        return new Run
        {
            RunId = "perf",
            Status = RunStatus.Complete,
            Verdict = VerdictStatus.Pass,
            Tool = new ToolInfo("0.1.0", null),
            StartedAt = DateTimeOffset.UnixEpoch,
            FinishedAt = DateTimeOffset.UnixEpoch.AddMinutes(5),
            System = SystemInfo.Unknown,
            Measurements = list,
        };
    }
}
