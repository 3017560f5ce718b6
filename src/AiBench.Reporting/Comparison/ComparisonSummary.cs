using AiBench.Core.Comparing;
using AiBench.Reporting.Gates;
using AiBench.Reporting.Summary;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Comparison;

/// <summary>
/// The comparison's opening paragraph: how many figures changed significantly each way against the reference
/// system, the largest loss and gain, and what was flagged on any system.
/// </summary>
public static class ComparisonSummary
{
    public static string Paragraph(ComparisonTable table)
    {
        if (table.Systems.Count == 0)
        {
            return "No runs.";
        }

        var changed = table.Rows
            .SelectMany(r => r.Cells.Select((c, i) => (Row: r, Cell: c, System: i)))
            .Where(t => t.Cell?.Compared is not null)
            .ToList();
        int better = changed.Count(t => t.Cell!.Verdict == ComparedVerdict.Better);
        int worse = changed.Count(t => t.Cell!.Verdict == ComparedVerdict.Worse);
        int untested = changed.Count(t => t.Cell!.Verdict == ComparedVerdict.NotEnoughSamples);
        var sentences = new List<string>
        {
            $"{table.Systems.Count} systems against {table.Systems[0].Label}, verdicts {string.Join(", ", table.Systems.Select(s => $"{s.Label} {EnumText.Of(s.Run.Verdict)}"))}.",
            $"Of {changed.Count} figures compared at ± {GateText.Percent(table.Threshold)}, {better} significantly better, {worse} significantly worse, "
            + $"{changed.Count - better - worse - untested} without a significant change{(untested > 0 ? $", {untested} with too few samples to test" : "")}.",
        };
        var losses = changed.Where(t => t.Cell!.Verdict == ComparedVerdict.Worse && t.Cell.Change is not null).ToList();
        if (losses.Count > 0)
        {
            var loss = losses.MaxBy(t => Math.Abs(t.Cell!.Change!.Value));
            sentences.Add($"Largest loss: {loss.Row.Benchmark} {loss.Row.Metric} {loss.Row.Case} on {table.Systems[loss.System].Label}, {InvariantNumber.Percent(loss.Cell!.Change!.Value, "+0.0;-0.0")}.");
        }

        var gains = changed.Where(t => t.Cell!.Verdict == ComparedVerdict.Better && t.Cell.Change is not null).ToList();
        if (gains.Count > 0)
        {
            var gain = gains.MaxBy(t => Math.Abs(t.Cell!.Change!.Value));
            sentences.Add($"Largest gain: {gain.Row.Benchmark} {gain.Row.Metric} {gain.Row.Case} on {table.Systems[gain.System].Label}, {InvariantNumber.Percent(gain.Cell!.Change!.Value, "+0.0;-0.0")}.");
        }

        sentences.Add(RunSummary.Flagged(table.Systems.SelectMany(s => s.Run.Measurements).ToList()));
        return string.Join(" ", sentences);
    }
}
