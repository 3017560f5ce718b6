using System.Globalization;
using AiBench.Core.History;
using AiBench.Core.Results;
using AiBench.Core.Units;
using AiBench.Reporting.Charts;
using AiBench.Reporting.Html;

namespace AiBench.Reporting.Gates;

/// <summary>
/// <c>history.html</c> (<c>aibench history --out</c>): per metric a trend chart (<see cref="TrendChart"/>: runs by
/// start time, median with its CI, shifts marked; also written to <c>charts/</c> as SVG and PNG), the shifts found and
/// every run's figures. A chart that cannot be drawn costs a note on the page and a failure in the result, not the page.
/// </summary>
public static class HistoryHtml
{
    public const string FileName = "history.html";

    public static ReportResult Write(RunHistory history, string directory)
    {
        string folder = Path.Combine(directory, ReportFileNames.ChartsFolder);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<string>();
        var failures = new List<ExportFailure>();
        var page = new HtmlPage($"AiBench history of {GateText.Count(history.Runs.Count)} runs");
        page.Element("h1", $"AiBench history of {GateText.Count(history.Runs.Count)} runs");
        page.Element("p", Summary(history), "summary");
        page.Element("p", $"Shifts: E-divisive means on the runs' medians (permutation test, α = {EDivisive.Alpha.ToString(CultureInfo.InvariantCulture)}, "
            + $"at least {GateText.Count(EDivisive.MinSegment)} runs each side of a shift); a shift worse than {GateText.Percent(history.Threshold)} is a regression. "
            + "Whiskers: the confidence interval of each run's median. See docs/ci.md.", "note");
        int number = 0;
        foreach (MetricHistory metric in history.Metrics)
        {
            var spec = new TrendSpec(ChartFileName.Unique("history." + FigureName.Of(metric.Measurement), taken), FigureName.Of(metric.Measurement), metric, history.Threshold);
            page.Element("h2", spec.Title);
            try
            {
                (string svg, byte[] png) = ChartRenderer.Render(spec);
                Directory.CreateDirectory(folder);
                AtomicFile.WriteAllText(Path.Combine(folder, spec.SvgFileName), svg);
                AtomicFile.WriteAllBytes(Path.Combine(folder, spec.PngFileName), png);
                files.Add(Path.GetFullPath(Path.Combine(folder, spec.SvgFileName)));
                files.Add(Path.GetFullPath(Path.Combine(folder, spec.PngFileName)));
                page.Raw("<figure>\n").Raw(InlineSvg.Prepare(svg, $"c{++number}-")).Raw("\n<figcaption>").Raw(HtmlText.Encode(spec.Title))
                    .Raw(" · ").Raw(HtmlPage.Link($"{ReportFileNames.ChartsFolder}/{spec.PngFileName}", "PNG"))
                    .Raw(HtmlText.Encode(" · runs by start time (UTC), oldest first; whiskers: CI of the median; dashed lines: shifts, before their first run (red: a regression)"))
                    .Raw("</figcaption>\n</figure>\n");
            }
            catch (Exception e)
            {
                failures.Add(new ExportFailure("charts", $"charts: {spec.Title}: {e.Message}", e));
                page.Element("p", $"Chart {spec.Title} could not be drawn: {e.Message}", "note");
            }

            AppendMetric(page, spec);
        }

        string html = Path.GetFullPath(Path.Combine(directory, FileName));
        AtomicFile.WriteAllText(html, page.ToString());
        return new ReportResult([html, .. files], failures);
    }

    private static string Summary(RunHistory history)
    {
        int shifts = history.Metrics.Sum(m => m.ChangePoints.Count);
        string runs = history.Runs.Count > 0
            ? $"{GateText.Count(history.Runs.Count)} runs from {GateText.Run(history.Runs[0])} to {GateText.Run(history.Runs[^1])}"
            : "No runs";
        string verdict = history.LatestShiftRegressed
            ? $"The latest shift of {GateText.Count(history.Metrics.Count(m => m.LatestRegression is not null))} metric(s) is a regression beyond {GateText.Percent(history.Threshold)}."
            : $"No metric's latest shift is a regression beyond {GateText.Percent(history.Threshold)}.";
        return $"{runs}; {GateText.Count(history.Metrics.Count)} metrics, {GateText.Count(shifts)} shift(s) found. {verdict}";
    }

    private static void AppendMetric(HtmlPage page, TrendSpec spec)
    {
        MetricHistory metric = spec.History;
        string unit = metric.Measurement.Unit;

        // The runs' figures in the chart's axis unit: 999 ns beside a µs axis would read as another scale.
        string Value(double v)
        {
            (double scaled, string scaledUnit) = UnitFormatter.ScaleLike(v, spec.ValueReference, unit);
            return $"{UnitFormatter.FormatNumber(scaled)} {scaledUnit}";
        }

        if (metric.ChangePoints.Count == 0)
        {
            page.Element("p", "No shift found.");
        }
        else
        {
            page.Raw("<ul>\n");
            foreach (ChangePoint c in metric.ChangePoints)
            {
                page.Raw("<li>").Raw(c.IsRegression ? HtmlPage.Badge("regression", "fail") + " " : "")
                    .Raw(HtmlText.Encode($"shift at {c.RunId}: {Value(c.BeforeMedian)} → {Value(c.AfterMedian)} "
                        + $"({GateText.Change(c.WorseBy)}, p = {c.PValue.ToString("0.000", CultureInfo.InvariantCulture)})"))
                    .Raw("</li>\n");
            }

            page.Raw("</ul>\n");
        }

        var starts = metric.ChangePoints.ToDictionary(c => c.Index);
        page.Table(["run", "started (UTC)", "median", "CI", "n", ""],
            metric.Points.Select((p, i) => (IReadOnlyList<string>)
            [
                p.RunId, p.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Value(p.Median),
                $"{Value(p.CiLower)} – {Value(p.CiUpper)}", GateText.Count(p.Samples),
                starts.TryGetValue(i, out ChangePoint? c) ? (c.IsRegression ? "◀ regression" : "◀ shift") : "",
            ]).ToList(),
            (r, c) => c is 2 or 3 or 4 ? "num" : c == 5 && starts.TryGetValue(r, out ChangePoint? s) && s.IsRegression ? "warn" : null);
    }
}
