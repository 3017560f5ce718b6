using System.Globalization;
using System.Text;
using AiBench.Core.History;
using AiBench.Reporting.Markdown;

namespace AiBench.Reporting.Gates;

/// <summary><c>history.md</c>: per metric, the shifts found, then every run's median and CI in start order.</summary>
public static class HistoryMarkdown
{
    public static string Render(RunHistory history)
    {
        var md = new StringBuilder();
        md.Append("# History of ").Append(GateText.Count(history.Runs.Count)).Append(" runs\n\n");
        md.Append(history.LatestShiftRegressed ? "**The latest shift of a metric is a regression beyond " : "No metric's latest shift is a regression beyond ")
            .Append(GateText.Percent(history.Threshold)).Append(history.LatestShiftRegressed ? ".**\n\n" : ".\n\n");
        md.Append("Shifts: E-divisive means on the runs' medians (permutation test, α = ").Append(EDivisive.Alpha.ToString(CultureInfo.InvariantCulture))
            .Append(", at least ").Append(GateText.Count(EDivisive.MinSegment)).Append(" runs each side of a shift). See docs/ci.md.\n\n");
        foreach (MetricHistory metric in history.Metrics)
        {
            string unit = metric.Measurement.Unit;
            md.Append("## ").Append(MarkdownText.Escape(FigureName.Of(metric.Measurement))).Append("\n\n");
            if (metric.ChangePoints.Count == 0)
            {
                md.Append("No shift found.\n\n");
            }
            else
            {
                foreach (ChangePoint c in metric.ChangePoints)
                {
                    md.Append("- ").Append(c.IsRegression ? "**regression** " : "shift ").Append("at ").Append(MarkdownText.Escape(c.RunId)).Append(": ")
                        .Append(GateText.Value(c.BeforeMedian, unit)).Append(" → ").Append(GateText.Value(c.AfterMedian, unit))
                        .Append(" (").Append(GateText.Change(c.WorseBy)).Append(", p = ").Append(c.PValue.ToString("0.000", CultureInfo.InvariantCulture)).Append(")\n");
                }

                md.Append('\n');
            }

            var starts = metric.ChangePoints.Select(c => c.Index).ToHashSet();
            MarkdownText.AppendTable(md, ["run", "started", "median", "CI", "n", ""],
                metric.Points.Select((p, i) => (IReadOnlyList<string>)
                [
                    p.RunId, p.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), GateText.Value(p.Median, unit),
                    $"{GateText.Value(p.CiLower, unit)} – {GateText.Value(p.CiUpper, unit)}", GateText.Count(p.Samples), starts.Contains(i) ? "◀ shift" : "",
                ]), new HashSet<int> { 2, 3, 4 });
        }

        return md.ToString();
    }
}
