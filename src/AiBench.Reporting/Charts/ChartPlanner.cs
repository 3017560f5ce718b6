using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Reporting.Figures;
using AiBench.Reporting.Systems;
using AiBench.Reporting.Tables;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Charts;

/// <summary>
/// Decides which charts a page gets. A metric whose size-like parameter (bytes, size, m, ...) varies is a sweep:
/// one line per system (and per combination of the other varying parameters). The other metrics of a benchmark
/// are gathered by unit into one grouped bar chart, cases on the axis and one bar per system, so nine STREAM-like
/// figures make one chart, not nine charts of one bar. Figures whose samples are time segments also get a timeline.
/// Undefined figures (bus bandwidth on one rank) are not drawn: a bar at zero would read as a measurement.
/// </summary>
public static class ChartPlanner
{
    public static IReadOnlyList<ChartSpec> Plan(Run run, string? label = null) => Plan([ReportedSystem.Single(run, label)]);

    public static IReadOnlyList<ChartSpec> Plan(IReadOnlyList<ReportedSystem> systems)
    {
        List<string> labels = systems.Select(s => s.Label).ToList();
        ParameterDisplay display = ParameterDisplay.Of(systems.Select(s => s.Run));
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var groups = systems
            .SelectMany(s => s.Run.Measurements
                .Where(m => double.IsFinite(m.Value) && !FigureFlags.IsUndefined(m))
                .Select(m => new SystemFigure(s, m)))
            .GroupBy(f => (f.Measurement.Benchmark, f.Measurement.Metric, f.Measurement.Unit))
            .ToList();

        // Bar families keep the place of their first metric, so charts follow the order the run measured.
        var slots = new List<object>();
        var families = new Dictionary<(string Benchmark, string Unit), List<SystemFigure>>();
        foreach (var group in groups)
        {
            List<SystemFigure> figures = group.ToList();
            if (PlanSweep(group.Key, figures, labels, taken, display) is { } sweep)
            {
                slots.Add(sweep);
            }
            else if (families.TryGetValue((group.Key.Benchmark, group.Key.Unit), out List<SystemFigure>? family))
            {
                family.AddRange(figures);
            }
            else
            {
                family = figures;
                families.Add((group.Key.Benchmark, group.Key.Unit), family);
                slots.Add(family);
            }

            foreach (var perSystem in figures.GroupBy(f => f.System.Index))
            {
                List<Measurement> measurements = perSystem.Select(f => f.Measurement).ToList();
                if (measurements.All(TimelineChart.Applies))
                {
                    string suffix = systems.Count > 1 ? $".{perSystem.Key + 1}" : string.Empty;
                    slots.Add(PlanTimeline(ChartFileName.Unique($"{group.Key.Benchmark}.{group.Key.Metric}.timeline{suffix}", taken),
                        group.Key, measurements, labels, perSystem.Key, display));
                }
            }
        }

        return slots.SelectMany(s => s is ChartSpec spec ? [spec] : MagnitudeBands.Split((List<SystemFigure>)s).Select(b => PlanBars(b, labels, taken, display))).ToList();
    }

    private static ChartSpec? PlanSweep(
        (string Benchmark, string Metric, string Unit) key, List<SystemFigure> figures, List<string> systems, HashSet<string> taken,
        ParameterDisplay display)
    {
        List<Measurement> distinct = figures.Select(f => f.Measurement).DistinctBy(m => m.Key).ToList();
        string? x = FindSweepParameter(figures.Select(f => f.Measurement).ToList(), key.Benchmark, display);
        if (x is null)
        {
            return null;
        }

        // Parameters that only follow the swept one (n and k in a square m=n=k sweep) do not make lines of their own.
        List<string> seriesParams = VaryingParams(distinct)
            .Where(p => p != x && !(display.IsSizeLike(key.Benchmark, p) && IsDeterminedBy(distinct, p, x)))
            .ToList();
        List<string> seriesLabels = VaryingLabels(distinct);
        List<ChartSeries> series = figures
            .GroupBy(f => (System: f.System.Index, Variant: SeriesName(f.Measurement, seriesParams, seriesLabels, display)))
            .Select(g => new ChartSeries(
                LineName(systems, g.Key.System, g.Key.Variant),
                g.Select(f => new ChartPoint(f.Measurement, display.Value(key.Benchmark, x, f.Measurement.Params[x]), Math.Log2(f.Measurement.Params[x].AsDouble())))
                    .OrderBy(p => p.X)
                    .ToList(),
                g.Key.System))
            .ToList();
        if (!series.Any(s => s.Points.Select(p => p.X).Distinct().Count() >= 2))
        {
            return null;
        }

        string stem = ChartFileName.Unique($"{key.Benchmark}.{key.Metric}", taken);
        return new ChartSpec(stem, key.Benchmark, key.Metric, key.Unit, x, series) { Systems = systems, SweepIsBytes = display.IsByteSize(key.Benchmark, x) };
    }

    private static string LineName(List<string> systems, int system, string variant) =>
        systems.Count == 1 ? (variant.Length > 0 ? variant : systems[0])
        : variant.Length > 0 ? $"{systems[system]}, {variant}"
        : systems[system];

    private static ChartSpec PlanBars(List<SystemFigure> figures, List<string> systems, HashSet<string> taken, ParameterDisplay display)
    {
        Measurement first = figures[0].Measurement;
        List<Measurement> distinct = figures.Select(f => f.Measurement).DistinctBy(m => m.Key).ToList();
        List<string> metrics = distinct.Select(m => m.Metric).Distinct(StringComparer.Ordinal).ToList();

        // With several metrics the metric names the case; a parameter that only restates it (test=copy) is left out.
        List<string> caseParams = VaryingParams(distinct)
            .Where(p => metrics.Count == 1 || !RestatesMetric(distinct, p))
            .ToList();
        List<string> caseLabels = VaryingLabels(distinct);
        var cases = new Dictionary<string, int>(StringComparer.Ordinal);
        var caseNames = new List<string>();
        foreach (Measurement m in distinct)
        {
            string name = SeriesName(m, caseParams, caseLabels, display);
            if (metrics.Count > 1)
            {
                name = name.Length > 0 ? $"{m.Metric} ({name})" : m.Metric;
            }

            cases.Add(m.Key, caseNames.Count);
            caseNames.Add(name.Length > 0 ? name : m.Params.Count > 0 ? display.Params(m) : m.Metric);
        }

        List<ChartSeries> series = figures
            .GroupBy(f => f.System.Index)
            .Select(g => new ChartSeries(
                systems[g.Key],
                g.DistinctBy(f => f.Measurement.Key).Select(f => new ChartPoint(f.Measurement, caseNames[cases[f.Measurement.Key]], cases[f.Measurement.Key])).ToList(),
                g.Key))
            .ToList();
        string family = MetricFamily.Name(metrics, first.Unit);
        string stem = ChartFileName.Unique($"{first.Benchmark}.{family}", taken);
        return new ChartSpec(stem, first.Benchmark, family, first.Unit, null, series) { Systems = systems, Cases = caseNames };
    }

    private static ChartSpec PlanTimeline(
        string stem, (string Benchmark, string Metric, string Unit) key, List<Measurement> group, List<string> systems, int system, ParameterDisplay display)
    {
        List<string> varyingParams = VaryingParams(group);
        List<string> varyingLabels = VaryingLabels(group);
        List<ChartSeries> series = group
            .Select(m => (Measurement: m, Name: SeriesName(m, varyingParams, varyingLabels, display) is { Length: > 0 } name ? name : key.Metric))
            .Select(s => new ChartSeries(s.Name, [new ChartPoint(s.Measurement, s.Name, 0)], system))
            .ToList();
        string metric = systems.Count > 1 ? $"{key.Metric} on {systems[system]}" : key.Metric;
        return new ChartSpec(stem, key.Benchmark, metric, key.Unit, null, series) { IsTimeline = true, Systems = systems };
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

    /// <summary>True when the parameter has one value per metric (<c>test=copy</c> beside metric <c>copy</c>).</summary>
    private static bool RestatesMetric(List<Measurement> group, string parameter) =>
        group.GroupBy(m => m.Metric, StringComparer.Ordinal)
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
