using System.Text;
using AiBench.Core.Comparing;
using AiBench.Reporting.Comparison;
using AiBench.Reporting.Markdown;

namespace AiBench.Reporting.Gates;

/// <summary><c>compare.md</c>: every shared measurement side by side, then those only one run has.</summary>
public static class ComparisonMarkdown
{
    public static string Render(RunComparison c)
    {
        var md = new StringBuilder();
        md.Append("# Comparison: ").Append(MarkdownText.Escape(c.Run.RunId)).Append(" vs ").Append(MarkdownText.Escape(c.Base.RunId)).Append("\n\n");
        md.Append("- base: ").Append(MarkdownText.Escape(GateText.Run(c.Base))).Append('\n');
        md.Append("- run: ").Append(MarkdownText.Escape(GateText.Run(c.Run))).Append('\n');
        md.Append("- ").Append(VerdictMethod.Describe(c.Threshold)).Append('\n');
        md.Append("- ").Append(Tally(c)).Append("\n\n");
        MarkdownText.AppendTable(md, ["measurement", "base median", "run median", "ratio", "change", "n base/run", "verdict"],
            c.Measurements.Select(m => (IReadOnlyList<string>)
            [
                FigureName.Of(m.Measurement), GateText.Value(m.BaseMedian, m.Measurement.Unit), GateText.Value(m.RunMedian, m.Measurement.Unit),
                GateText.Ratio(m.Ratio), GateText.Change(m.WorseBy), $"{GateText.Count(m.BaseSamples)}/{GateText.Count(m.RunSamples)}", GateText.Verdict(m.Verdict),
            ]), new HashSet<int> { 1, 2, 3, 4, 5 });
        AppendUnmatched(md, "Only in the base run", c.OnlyInBase);
        AppendUnmatched(md, "Only in the run", c.OnlyInRun);
        return md.ToString();
    }

    private static string Tally(RunComparison c)
    {
        int Of(ComparedVerdict v) => c.Measurements.Count(m => m.Verdict == v);
        return $"{GateText.Count(c.Measurements.Count)} compared: {GateText.Count(Of(ComparedVerdict.Worse))} worse, {GateText.Count(Of(ComparedVerdict.Better))} better, "
            + $"{GateText.Count(Of(ComparedVerdict.Same))} same, {GateText.Count(Of(ComparedVerdict.NotEnoughSamples))} not enough samples; "
            + $"{GateText.Count(c.OnlyInBase.Count)} only in base, {GateText.Count(c.OnlyInRun.Count)} only in run";
    }

    private static void AppendUnmatched(StringBuilder md, string title, IReadOnlyList<UnmatchedMeasurement> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        md.Append("## ").Append(title).Append("\n\n");
        MarkdownText.AppendTable(md, ["measurement", "median", "n"],
            rows.Select(u => (IReadOnlyList<string>)[FigureName.Of(u.Measurement), GateText.Value(u.Median, u.Measurement.Unit), GateText.Count(u.Samples)]),
            new HashSet<int> { 1, 2 });
    }
}
