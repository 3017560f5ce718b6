using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Reporting.Tables;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Charts;

/// <summary>
/// Decides which charts a run gets: one per benchmark + metric. When a size-like parameter (bytes, size,
/// m, ...) varies, the chart is a sweep with one line per combination of the other varying parameters and
/// labels; otherwise it is one bar per case. Figures whose samples are time segments also get a timeline.
/// </summary>
public static class ChartPlanner
{
    public static IReadOnlyList<ChartSpec> Plan(Run run)
    {
        ParameterDisplay display = ParameterDisplay.Of(run);
        var specs = new List<ChartSpec>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var groups = run.Measurements
            .Where(m => double.IsFinite(m.Value))
            .GroupBy(m => (m.Benchmark, m.Metric, m.Unit));
        foreach (var group in groups)
        {
            List<Measurement> measurements = group.ToList();
            string stem = ChartFileName.Unique($"{group.Key.Benchmark}.{group.Key.Metric}", taken);
            specs.Add(PlanSweep(stem, group.Key, measurements, display) ?? PlanBars(stem, group.Key, measurements, display));
            if (measurements.All(TimelineChart.Applies))
            {
                specs.Add(PlanTimeline(ChartFileName.Unique($"{stem}.timeline", taken), group.Key, measurements, display));
            }
        }

        return specs;
    }

    private static ChartSpec? PlanSweep(string stem, (string Benchmark, string Metric, string Unit) key, List<Measurement> group, ParameterDisplay display)
    {
        string? x = FindSweepParameter(group, key.Benchmark, display);
        if (x is null)
        {
            return null;
        }

        // Parameters that only follow the swept one (n and k in a square m=n=k sweep) do not make lines of their own.
        List<string> seriesParams = VaryingParams(group)
            .Where(p => p != x && !(display.IsSizeLike(key.Benchmark, p) && IsDeterminedBy(group, p, x)))
            .ToList();
        List<string> seriesLabels = VaryingLabels(group);
        List<ChartSeries> series = group
            .GroupBy(m => SeriesName(m, seriesParams, seriesLabels, display), StringComparer.Ordinal)
            .Select(g => new ChartSeries(
                g.Key.Length > 0 ? g.Key : key.Metric,
                g.Select(m => new ChartPoint(m, display.Value(key.Benchmark, x, m.Params[x]), Math.Log2(m.Params[x].AsDouble())))
                    .OrderBy(p => p.X)
                    .ToList()))
            .ToList();
        if (!series.Any(s => s.Points.Select(p => p.X).Distinct().Count() >= 2))
        {
            return null;
        }

        return new ChartSpec(stem, key.Benchmark, key.Metric, key.Unit, x, series) { SweepIsBytes = display.IsByteSize(key.Benchmark, x) };
    }

    private static ChartSpec PlanBars(string stem, (string Benchmark, string Metric, string Unit) key, List<Measurement> group, ParameterDisplay display)
    {
        List<string> varyingParams = VaryingParams(group);
        List<string> varyingLabels = VaryingLabels(group);
        List<ChartPoint> points = group
            .Select((m, i) =>
            {
                string label = SeriesName(m, varyingParams, varyingLabels, display);
                if (label.Length == 0)
                {
                    label = m.Params.Count > 0 ? display.Params(m) : key.Metric;
                }

                return new ChartPoint(m, label, i);
            })
            .ToList();
        return new ChartSpec(stem, key.Benchmark, key.Metric, key.Unit, null, [new ChartSeries(key.Metric, points)]);
    }

    private static ChartSpec PlanTimeline(string stem, (string Benchmark, string Metric, string Unit) key, List<Measurement> group, ParameterDisplay display)
    {
        List<string> varyingParams = VaryingParams(group);
        List<string> varyingLabels = VaryingLabels(group);
        List<ChartSeries> series = group
            .Select(m => (Measurement: m, Name: SeriesName(m, varyingParams, varyingLabels, display) is { Length: > 0 } name ? name : key.Metric))
            .Select(s => new ChartSeries(s.Name, [new ChartPoint(s.Measurement, s.Name, 0)]))
            .ToList();
        return new ChartSpec(stem, key.Benchmark, key.Metric, key.Unit, null, series) { IsTimeline = true };
    }

    /// <summary>The size-like numeric parameter with the most distinct positive values (at least two).</summary>
    private static string? FindSweepParameter(List<Measurement> group, string benchmark, ParameterDisplay display) =>
        group[0].Params.Keys
            .Where(p => display.IsSizeLike(benchmark, p))
            .Where(p => group.All(m => m.Params.TryGetValue(p, out ParameterValue v) && v.Number is double n && n > 0 && double.IsFinite(n)))
            .Select(p => (Name: p, Distinct: group.Select(m => m.Params[p].AsDouble()).Distinct().Count()))
            .Where(c => c.Distinct >= 2)
            .OrderByDescending(c => c.Distinct)
            .ThenBy(c => display.SweepPriority(benchmark, c.Name))
            .Select(c => c.Name)
            .FirstOrDefault();

    private static List<string> VaryingParams(List<Measurement> group) => SummaryTables.VaryingParameters(group).ToList();

    private static List<string> VaryingLabels(List<Measurement> group) =>
        group.SelectMany(m => m.Labels.Keys).Distinct(StringComparer.Ordinal)
            .Where(l => group.Select(m => m.Labels.GetValueOrDefault(l) ?? string.Empty).Distinct(StringComparer.Ordinal).Count() > 1)
            .ToList();

    private static bool IsDeterminedBy(List<Measurement> group, string parameter, string by) =>
        group.GroupBy(m => ParamText(m, by), StringComparer.Ordinal)
            .All(g => g.Select(m => ParamText(m, parameter)).Distinct(StringComparer.Ordinal).Count() == 1);

    private static string ParamText(Measurement m, string name) =>
        m.Params.TryGetValue(name, out ParameterValue v) ? v.ToString() : string.Empty;

    private static string SeriesName(Measurement m, List<string> parameters, List<string> labels, ParameterDisplay display)
    {
        string p = display.Params(m, parameters.Contains);
        string l = MeasurementText.DisplayLabels(m.Labels, labels.Contains);
        return p.Length > 0 && l.Length > 0 ? $"{p}, {l}" : p + l;
    }
}
