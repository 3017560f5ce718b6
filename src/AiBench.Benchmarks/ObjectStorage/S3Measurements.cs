using System.Globalization;
using AiBench.Core.Benchmarks;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// Turns the requests of one case into figures, per operation (label <c>operation</c>): throughput (B/s, for
/// operations that move data) and op/s, each one sample, warp's headline Average: everything the operation did in
/// the measured window (requests at its edges for their part inside it) over the window's length (warp's
/// <c>pkg/aggregate</c> Throughput of the active range), with the fastest, median and slowest segment in its info;
/// the segments themselves as <c>segment-throughput</c> (operations that move data) or <c>segment-ops</c>, one sample
/// per segment, for their spread and the timeline. Latency and, for GET, time to first byte at p50 (its samples: every
/// request, raw), p90, p99 and max (from the histogram); and the count of failed requests, by kind in its info. Wrong
/// data read back counts as wrong (nccl-tests' #wrong) on every figure of the GETs. Every figure's info carries the
/// client's CPU cost over the window (<see cref="CpuInfo"/>).
/// </summary>
public static class S3Measurements
{
    /// <summary>Bytes per second of each segment, for operations that move data.</summary>
    public const string SegmentThroughputMetric = "segment-throughput";

    /// <summary>Operations per second of each segment, for operations that move no data.</summary>
    public const string SegmentOpsMetric = "segment-ops";

    private static readonly (string Label, double Percentile)[] Percentiles = [("p90", 90), ("p99", 99)];

    public static List<Measurement> Build(string benchmark, BenchmarkContext context, S3LoadResult result,
        IEnumerable<S3Operation> operations, TimeSpan segment, IReadOnlyDictionary<string, string> caseInfo)
    {
        var list = new List<Measurement>();
        List<RequestRecord> measured = result.Measured.ToList();
        Dictionary<string, string> cpuInfo = CpuInfo(result, segment);
        foreach (S3Operation operation in operations)
        {
            List<RequestRecord> all = measured.Where(r => r.Operation == operation).ToList();
            if (all.Count == 0)
            {
                continue;
            }

            List<RequestRecord> succeeded = all.Where(r => r.Succeeded).ToList();
            var failed = all.Where(r => !r.Succeeded).GroupBy(r => r.Error).ToDictionary(g => g.Key, g => (long)g.Count());
            long wrong = failed.GetValueOrDefault(RequestError.Checksum);
            Correctness? correct = operation.ReadsBodies() || operation is S3Operation.Head or S3Operation.List
                ? new Correctness(succeeded.Count + wrong, wrong) : null;
            var labels = new Dictionary<string, string> { ["operation"] = operation.Name() };
            var info = new Dictionary<string, string>(caseInfo)
            {
                ["requests"] = Text(all.Count),
                ["succeeded"] = Text(succeeded.Count),
                ["windowSeconds"] = Text(result.WindowSeconds),
                [InfoKeys.StopReason] = result.StopReason.ToString(),
            };
            foreach ((string key, string value) in cpuInfo)
            {
                info[key] = value;
            }

            foreach ((RequestError error, long count) in failed)
            {
                info[$"errors.{error.Name()}"] = Text(count);
            }

            list.Add(Figure("errors", Unit.Count, Direction.Lower, [failed.Values.Sum()], info));
            if (succeeded.Count == 0)
            {
                continue;
            }

            // Rates take every request that overlaps the window, clipped to it (warp's partial operations at both
            // edges); latency and error counts take the requests that started inside it.
            List<RequestRecord> overlapping = result.Records.Where(r => r.Operation == operation && r.Succeeded).ToList();
            SegmentAnalysis segments = SegmentAnalysis.Analyze(overlapping, result.WindowStartTicks, result.WindowEndTicks, segment);
            var rateInfo = new Dictionary<string, string>(info)
            {
                ["segments"] = Text(segments.OperationsPerSecond.Length),
                [InfoKeys.SampleIntervalSeconds] = SampleInterval.Text(segments.SegmentSeconds),
                ["bytes"] = Text(succeeded.Sum(r => r.Bytes)), // of the requests that started in the window
            };
            if (operation.MovesData())
            {
                list.Add(Figure("throughput", Unit.BytesPerSecond, Direction.Higher, [segments.AverageBytesPerSecond],
                    SegmentDetail(rateInfo, segments.BytesPerSecond)));
            }

            list.Add(Figure("ops", Unit.OperationsPerSecond, Direction.Higher, [segments.AverageOperationsPerSecond],
                SegmentDetail(rateInfo, segments.OperationsPerSecond)));

            // The timeline of the operation's headline rate. The segments last equally long, so their plain mean is
            // already bytes (or operations) over time (SampleKind.Quantity).
            (string segmentMetric, string segmentUnit, double[] perSegment) = operation.MovesData()
                ? (SegmentThroughputMetric, Unit.BytesPerSecond, segments.BytesPerSecond)
                : (SegmentOpsMetric, Unit.OperationsPerSecond, segments.OperationsPerSecond);
            list.Add(Figure(segmentMetric, segmentUnit, Direction.Higher, perSegment, rateInfo));

            var latency = new RequestLatencies();
            var firstByte = new RequestLatencies();
            foreach (RequestRecord r in succeeded)
            {
                latency.Record(r.DurationTicks);
                if (r.FirstByteTicks > 0)
                {
                    firstByte.Record(r.FirstByteTicks - r.StartTicks);
                }
            }

            AddPercentiles("latency", latency);
            if (firstByte.Count > 0)
            {
                AddPercentiles("ttfb", firstByte);
            }

            void AddPercentiles(string metric, RequestLatencies times)
            {
                var timeInfo = new Dictionary<string, string>(info) { ["histogramRequests"] = Text(times.Count) };
                list.Add(Figure(metric, Unit.Seconds, Direction.Lower, times.Seconds, timeInfo, "p50"));
                foreach ((string label, double percentile) in Percentiles)
                {
                    list.Add(Figure(metric, Unit.Seconds, Direction.Lower, [times.At(percentile)], timeInfo, label));
                }

                list.Add(Figure(metric, Unit.Seconds, Direction.Lower, [times.Max], timeInfo, "max"));
            }

            Measurement Figure(string metric, string unit, Direction better, IReadOnlyList<double> samples,
                IReadOnlyDictionary<string, string> figureInfo, string? percentile = null) => new()
            {
                Benchmark = benchmark,
                Metric = metric,
                Unit = unit,
                Better = better,
                Params = context.Case.Values,
                Labels = percentile is null ? labels : new Dictionary<string, string>(labels) { ["percentile"] = percentile },
                Samples = samples,
                Stats = SampleStatisticsEstimator.Estimate(samples),
                Correct = correct,
                Info = figureInfo,
            };
        }

        return list;
    }

    /// <summary>
    /// The process's CPU time over the window (<c>cpuSeconds</c>, and per wall second, <c>cpuCores</c>) and per 10^9
    /// bytes that every operation together moved in it (<c>cpuSecondsPerGB</c>, counted as the throughput is: requests
    /// at the edges for their part inside), for operations that move data. One process does every operation of a
    /// mixed load, so the figures are the whole load's, the same on each operation's figures. None when the load
    /// stopped before the window began.
    /// </summary>
    public static Dictionary<string, string> CpuInfo(S3LoadResult result, TimeSpan segment)
    {
        var info = new Dictionary<string, string>();
        if (result.Cpu is not ProcessCpu cpu)
        {
            return info;
        }

        info["cpuSeconds"] = Text(cpu.CpuSeconds);
        info["cpuCores"] = Text(cpu.Cores);
        List<RequestRecord> moving = result.Records.Where(r => r.Succeeded && r.Operation.MovesData()).ToList();
        if (moving.Count > 0
            && cpu.SecondsPerGB(SegmentAnalysis.Analyze(moving, result.WindowStartTicks, result.WindowEndTicks, segment).AverageBytesPerSecond) is double perGB)
        {
            info["cpuSecondsPerGB"] = Text(perGB);
        }

        return info;
    }

    /// <summary>warp's segment figures beside its Average: fastest, 50% median and slowest segment.</summary>
    private static Dictionary<string, string> SegmentDetail(IReadOnlyDictionary<string, string> info, double[] perSegment)
    {
        double[] sorted = [.. perSegment.Order()];
        return new Dictionary<string, string>(info)
        {
            ["fastestSegment"] = Text(sorted[^1]),
            ["medianSegment"] = Text(SegmentAnalysis.WarpMedian(sorted)),
            ["slowestSegment"] = Text(sorted[0]),
        };
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
