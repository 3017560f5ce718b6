using System.Globalization;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.Storage;

/// <summary>
/// storage.io's measurements from one run, each defined as fio defines its figure (fio's <c>stat.c</c>), per direction:
/// bandwidth and IOPS are the bytes and I/Os of the whole measured interval over its length; the latency percentiles
/// come from one histogram of the whole interval (every slice merged); max is the exact largest latency. Each is one
/// sample, so the figure reports show (the median of one) is that whole-run value, never a median of slices, which
/// would hide a stall and put the tail below fio's. The slices stay as detail: <c>slice-iops</c> holds one sample per
/// slice (its spread and the timeline), and each figure's <c>info</c> the slices' median, min and max.
/// </summary>
internal static class StorageIoFigures
{
    public const string SliceIopsMetric = "slice-iops";

    public static IReadOnlyList<(string Label, double Fraction)> Percentiles { get; } =
        [("p50", 0.50), ("p90", 0.90), ("p99", 0.99), ("p99.9", 0.999), ("p99.99", 0.9999)];

    /// <summary>The directions a workload issues: reads, writes, or both for a mix.</summary>
    public static IEnumerable<IoDirection> Directions(StorageWorkload workload)
    {
        if (workload.Reads)
        {
            yield return IoDirection.Read;
        }

        if (workload.Writes)
        {
            yield return IoDirection.Write;
        }
    }

    public static string Label(IoDirection direction) => direction == IoDirection.Read ? "read" : "write";

    /// <summary>
    /// Every figure of the run: per direction, labelled <c>direction=read|write</c>, bandwidth, IOPS, latency p50 to
    /// p99.99, mean and max, and slice-iops. <paramref name="labels"/>, <paramref name="info"/> and <paramref name="correct"/>
    /// are shared by all of them; a figure's own info adds its direction's I/Os and bytes and its slices' spread.
    /// </summary>
    public static List<Measurement> Build(
        string benchmark, IReadOnlyDictionary<string, ParameterValue> parameters, StorageWorkload workload, IoOutcome outcome,
        IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> info, Correctness? correct)
    {
        var list = new List<Measurement>();
        foreach (IoDirection direction in Directions(workload))
        {
            IoDirectionResult r = outcome.Direction(direction);
            var figureLabels = new Dictionary<string, string>(labels) { ["direction"] = Label(direction) };
            var figureInfo = new Dictionary<string, string>(info) { ["ios"] = Format(r.Ios), ["bytes"] = Format(r.Bytes) };

            if (outcome.Seconds > 0)
            {
                // fio: bw_bytes = io_bytes / runtime, iops = total_io_u / runtime (add_ddir_status_json).
                list.Add(Figure("bandwidth", Unit.BytesPerSecond, Direction.Higher, r.Bytes / outcome.Seconds,
                    r.Slices.Select(s => s.Bytes / s.Seconds)) with { BaselineKey = workload.BandwidthBaselineKey });
                list.Add(Figure("iops", Unit.OperationsPerSecond, Direction.Higher, r.Ios / outcome.Seconds,
                    r.Slices.Select(s => s.Ios / s.Seconds)) with { BaselineKey = workload.IopsBaselineKey });
            }

            // fio: clat percentiles of the run's one histogram per direction (calc_clat_percentiles), max exact.
            ulong[] merged = r.Merged();
            foreach ((string label, double fraction) in Percentiles)
            {
                double whole = LatencyHistogram.Percentile(merged, fraction, r.LatencyMinNs, r.LatencyMaxNs) / 1e9;
                IEnumerable<double> slices = r.Slices.Select((_, s) =>
                    LatencyHistogram.Percentile(r.Histogram(s), fraction, r.LatencyMinNs, r.LatencyMaxNs) / 1e9);
                AddLatency(label, whole, slices);
            }

            if (r.Ios > 0)
            {
                // fio: clat_ns.mean, the exact mean of the measured I/Os (not of the histogram). Little's law checks it:
                // mean × IOPS is the number in flight, at most the queue depth × jobs.
                AddLatency("mean", r.LatencySumNs / r.Ios / 1e9, []);
                IEnumerable<double> maxima = r.Slices.Select((_, s) => Math.Min(LatencyHistogram.Max(r.Histogram(s)), r.LatencyMaxNs) / 1e9);
                AddLatency("max", r.LatencyMaxNs / 1e9, maxima);
            }

            double[] sliceIops = r.Slices.Select(s => s.Ios / s.Seconds).ToArray();
            if (sliceIops.Length > 0)
            {
                var timeline = new Dictionary<string, string>(figureInfo) { [InfoKeys.SampleIntervalSeconds] = SampleInterval.Text(r.Slices[0].Seconds) };
                list.Add(Measure(SliceIopsMetric, Unit.OperationsPerSecond, Direction.Higher, sliceIops, figureLabels, timeline));
            }

            void AddLatency(string percentile, double whole, IEnumerable<double> slices)
            {
                if (!double.IsFinite(whole))
                {
                    return; // no I/O of this direction completed
                }

                var withPercentile = new Dictionary<string, string>(figureLabels) { ["percentile"] = percentile };
                list.Add(Figure("latency", Unit.Seconds, Direction.Lower, whole, slices, withPercentile));
            }

            Measurement Figure(string metric, string unit, Direction better, double whole, IEnumerable<double> slices,
                IReadOnlyDictionary<string, string>? ownLabels = null)
            {
                var withSlices = new Dictionary<string, string>(figureInfo);
                double[] finite = slices.Where(double.IsFinite).ToArray();
                if (finite.Length > 0)
                {
                    SampleStatistics spread = SampleStatisticsEstimator.Estimate(finite);
                    withSlices["sliceMedian"] = Format(spread.Median);
                    withSlices["sliceMin"] = Format(spread.Min);
                    withSlices["sliceMax"] = Format(spread.Max);
                }

                return Measure(metric, unit, better, [whole], ownLabels ?? figureLabels, withSlices);
            }
        }

        return list;

        Measurement Measure(string metric, string unit, Direction better, double[] samples, IReadOnlyDictionary<string, string> figureLabels,
            IReadOnlyDictionary<string, string> figureInfo) => new()
        {
            Benchmark = benchmark,
            Metric = metric,
            Unit = unit,
            Better = better,
            Params = parameters,
            Labels = figureLabels,
            Samples = samples,
            Stats = SampleStatisticsEstimator.Estimate(samples),
            Correct = correct,
            Info = figureInfo,
        };
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
