using AiBench.Core.Comparing;
using AiBench.Core.Results;
using AiBench.Core.Statistics;

namespace AiBench.Core.History;

/// <summary>
/// Orders runs by start time and, per measurement key, runs <see cref="EDivisive"/> on the runs' medians. Each run is
/// one observation, so the between-run noise of like runs is what a shift must stand out from (a within-run CI would
/// not capture it). A shift is sized by the median of the runs' medians after it against before it. A run's point is
/// taken over its finite samples (<see cref="UsableSamples"/>); a run without any has no point.
/// </summary>
public static class HistoryAnalyzer
{
    public static RunHistory Analyze(IReadOnlyList<Run> runs, double threshold)
    {
        List<Run> ordered = runs.OrderBy(r => r.StartedAt).ThenBy(r => r.RunId, StringComparer.Ordinal).ToList();
        var metrics = new List<MetricHistory>();
        foreach (IGrouping<string, (Run Run, Measurement M)> figure in ordered
            .SelectMany(r => r.Measurements.DistinctBy(m => m.Key).Where(m => UsableSamples.Finite(m.Samples).Count > 0).Select(m => (Run: r, M: m)))
            .GroupBy(x => x.M.Key, StringComparer.Ordinal))
        {
            var points = figure.Select(x => Point(x.Run, x.M)).ToList();
            Measurement last = figure.Last().M;
            metrics.Add(new MetricHistory(MeasurementIdentity.Of(last), points, ChangePoints(points, last.Better, threshold)));
        }

        return new RunHistory
        {
            Threshold = threshold,
            Runs = ordered.Select(r => new ComparedRun(r.RunId, r.Suite, r.System.Host, r.StartedAt)).ToList(),
            Metrics = metrics,
        };
    }

    private static HistoryPoint Point(Run run, Measurement m)
    {
        SampleStatistics stats = SampleStatisticsEstimator.Estimate(UsableSamples.Finite(m.Samples));
        return new HistoryPoint(run.RunId, run.StartedAt, stats.N, stats.Median, stats.CiLower, stats.CiUpper, stats.CiLevel);
    }

    private static List<ChangePoint> ChangePoints(List<HistoryPoint> points, Direction better, double threshold)
    {
        var medians = points.Select(p => p.Median).ToList();
        IReadOnlyList<EDivisive.Change> changes = EDivisive.Detect(medians);
        var result = new List<ChangePoint>();
        for (int i = 0; i < changes.Count; i++)
        {
            int start = i == 0 ? 0 : changes[i - 1].Index;
            int index = changes[i].Index;
            int end = i + 1 < changes.Count ? changes[i + 1].Index : medians.Count;
            double before = Median(medians.GetRange(start, index - start));
            double after = Median(medians.GetRange(index, end - index));
            // A base of 0, or a quotient that overflows (a base near zero), sizes no shift.
            double worseBy = before == 0 ? 0 : UsableSamples.IfFinite(RunComparer.WorseBy(before, after, better)) ?? 0;
            HistoryPoint first = points[index];
            result.Add(new ChangePoint(index, first.RunId, first.StartedAt, before, after, worseBy, changes[i].PValue, worseBy > threshold));
        }

        return result;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }
}
