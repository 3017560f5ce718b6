using System.Text;
using AiBench.Core.Comparing;
using AiBench.Reporting.Markdown;

namespace AiBench.Reporting.Gates;

/// <summary>
/// The gate's Markdown summary (for <c>--summary</c> and <c>$GITHUB_STEP_SUMMARY</c>): the decision first, then every
/// measurement that was not a plain pass (regressions, too few samples, missing), then the full table.
/// </summary>
public static class GateMarkdown
{
    public static string Render(GateResult gate)
    {
        RunComparison c = gate.Comparison;
        var md = new StringBuilder();
        md.Append(gate.Failed ? "## ❌ AiBench gate: FAIL" : "## ✅ AiBench gate: pass").Append(" (max regression ").Append(GateText.Percent(gate.MaxRegression)).Append(")\n\n");
        md.Append(MarkdownText.Escape($"{GateText.Count(gate.Count(GateOutcome.Regression))} regression(s), {GateText.Count(gate.Count(GateOutcome.NotEnoughSamples))} with not enough samples, "
            + $"{GateText.Count(gate.Count(GateOutcome.Missing))} missing, {GateText.Count(gate.Count(GateOutcome.Pass))} pass; run {GateText.Run(c.Run)} against base {GateText.Run(c.Base)}.")).Append("\n\n");
        var notable = gate.Findings.Where(f => f.Outcome != GateOutcome.Pass).ToList();
        if (notable.Count > 0)
        {
            md.Append("### Needs attention\n\n");
            foreach (GateFinding f in notable)
            {
                md.Append("- **").Append(GateText.Outcome(f.Outcome)).Append("** ").Append(MarkdownText.Escape(FigureName.Of(f.Measurement)))
                    .Append(": ").Append(MarkdownText.Escape(f.Reason)).Append('\n');
            }

            md.Append('\n');
        }

        var rows = c.Measurements.ToDictionary(m => m.Measurement.Key, StringComparer.Ordinal);
        MarkdownText.AppendTable(md, ["measurement", "base median", "run median", "change", "limit", "test", "gate"],
            gate.Findings.Where(f => rows.ContainsKey(f.Measurement.Key)).Select(f =>
            {
                ComparedMeasurement m = rows[f.Measurement.Key];
                return (IReadOnlyList<string>)
                [
                    FigureName.Of(m.Measurement), GateText.Value(m.BaseMedian, m.Measurement.Unit), GateText.Value(m.RunMedian, m.Measurement.Unit),
                    GateText.Change(m.WorseBy), f.Allowed is { } a ? "-" + GateText.Percent(a) : "—", GateText.Verdict(m.Verdict), GateText.Outcome(f.Outcome),
                ];
            }), new HashSet<int> { 1, 2, 3, 4 });
        md.Append("Regression = the Mann-Whitney equivalence test shows the run worse beyond the threshold (α = 0.05) and the median is worse than the threshold plus the runs' per-sample noise. See docs/ci.md.\n");
        return md.ToString();
    }
}
