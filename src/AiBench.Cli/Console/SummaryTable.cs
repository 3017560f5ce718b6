using System.Globalization;
using AiBench.Core.Results;
using AiBench.Reporting.Tables;
using AiBench.Reporting.Text;
using Spectre.Console;

namespace AiBench.Cli.Console;

/// <summary>
/// The table printed at the end of a run: value, spread, % of vendor peak and verdict per figure. Cells use the
/// report's formatting (<see cref="MeasurementText"/>), so console, summary.md and report.html show the same figures.
/// </summary>
internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, Run run, string runDirectory)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("benchmark").AddColumn("case").AddColumn("metric")
            .AddColumn(new TableColumn("median").RightAligned())
            .AddColumn(new TableColumn("±CI").RightAligned())
            .AddColumn(new TableColumn("n").RightAligned())
            .AddColumn(new TableColumn("% peak").RightAligned())
            .AddColumn("verdict");
        // A case is told apart by the parameters that vary within its benchmark; the other dozen are in run.json.
        var varying = run.Measurements.GroupBy(m => m.Benchmark).ToDictionary(g => g.Key, g => SummaryTables.VaryingParameters(g.ToList()));
        ParameterDisplay display = ParameterDisplay.Of(run);
        foreach (Measurement m in run.Measurements)
        {
            string caseText = string.Join(" ", m.Params.Where(p => varying[m.Benchmark].Contains(p.Key)).Select(p => $"{p.Key}={display.ResolvedValue(m, p.Key, p.Value)}")
                .Concat(m.Labels.Select(l => $"{l.Key}={l.Value}")));
            string spread = m.Stats is { } s ? (s.RelativeCiHalfWidth * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "";
            string peak = m.Baseline is { } b ? MeasurementText.Efficiency(b.Efficiency) : "";
            table.AddRow(
                Markup.Escape(m.Benchmark), Markup.Escape(caseText), Markup.Escape(m.Metric),
                Markup.Escape(MeasurementText.Median(m)), spread,
                MeasurementText.SampleCount(m).ToString(CultureInfo.InvariantCulture), peak, Verdict(m.Verdict?.Status));
        }

        console.Write(table);
        foreach (RunError e in run.Errors)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(e.Benchmark)}: {Markup.Escape(e.Kind.Text())}: {Markup.Escape(e.Message)}[/]");
        }

        foreach (MeasurementVerdict f in run.RuleFailures)
        {
            console.MarkupLine($"[red]rule failed: {Markup.Escape(f.Rule)}: {Markup.Escape(f.Detail ?? "")}[/]");
        }

        console.MarkupLine($"verdict {Verdict(run.Verdict)}, status {run.Status.ToString().ToLowerInvariant()}; results in {Markup.Escape(runDirectory)}");
        console.MarkupLine($"report: {Markup.Escape(Path.Combine(runDirectory, "report.html"))}");
    }

    private static string Verdict(VerdictStatus? status) => status switch
    {
        VerdictStatus.Pass => "[green]pass[/]",
        VerdictStatus.Fail => "[red]fail[/]",
        VerdictStatus.Error => "[yellow]error[/]",
        _ => "[grey]-[/]",
    };
}
