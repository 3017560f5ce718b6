using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;

namespace AiBench.Tests.Gates;

/// <summary>Runs with seeded, normally scattered samples around a chosen level, for compare, gate and history tests.</summary>
internal static class SyntheticRuns
{
    /// <summary><paramref name="n"/> samples around <paramref name="level"/> with relative scatter <paramref name="cv"/> (seeded Box-Muller).</summary>
    public static double[] Samples(double level, int n, double cv, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ =>
        {
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            return level * (1 + (cv * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2)));
        }).ToArray();
    }

    public static Measurement Figure(string benchmark, string metric, Direction better, double[] samples, string unit = "B/s") => new()
    {
        Benchmark = benchmark, Metric = metric, Unit = unit, Better = better,
        Params = new Dictionary<string, ParameterValue> { ["kernel"] = ParameterValue.Of(metric) },
        Samples = samples,
        Stats = SampleStatisticsEstimator.Estimate(samples),
    };

    public static Run Run(string runId, DateTimeOffset startedAt, params Measurement[] measurements) => new()
    {
        RunId = runId,
        Status = RunStatus.Complete,
        Verdict = VerdictStatus.Pass,
        Tool = new ToolInfo("0.1.0", "abc1234"),
        Suite = "ci-gate",
        StartedAt = startedAt,
        FinishedAt = startedAt.AddMinutes(1),
        System = SystemInfo.Unknown with { Host = "ci-runner" },
        Measurements = measurements,
    };

    /// <summary>A run with one triad figure (higher is better) and one latency figure (lower is better).</summary>
    public static Run TwoFigures(string runId, int minute, double triad, double latency, int n = 20, double cv = 0.01, int seed = 1) =>
        Run(runId, DateTimeOffset.Parse("2026-11-30T10:00:00Z").AddMinutes(minute),
            Figure("cpu.memory", "triad", Direction.Higher, Samples(triad, n, cv, seed)),
            Figure("cpu.memory", "latency", Direction.Lower, Samples(latency, n, cv, seed + 1000), "s"));

    public static string Write(string root, Run run)
    {
        string folder = Path.Combine(root, run.RunId);
        Directory.CreateDirectory(folder);
        RunFile.Write(run, Path.Combine(folder, RunFile.FileName));
        return folder;
    }
}
