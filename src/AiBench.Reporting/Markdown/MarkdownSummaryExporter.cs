using System.Text;
using AiBench.Core.Results;
using AiBench.Reporting.Tables;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Markdown;

/// <summary><c>summary.md</c>: the run header, a table per benchmark, then errors and rule failures.</summary>
public sealed class MarkdownSummaryExporter : IRunExporter
{
    public string Name => "markdown";

    public IReadOnlyList<string> Export(Run run, string runDirectory)
    {
        string path = Path.Combine(runDirectory, ReportFileNames.SummaryMarkdown);
        AtomicFile.WriteAllText(path, Render(run));
        return [path];
    }

    public static string Render(Run run)
    {
        var md = new StringBuilder();
        md.Append("# AiBench run ").Append(MarkdownText.Escape(run.RunId)).Append("\n\n");
        foreach ((string label, string value) in RunText.HeaderItems(run))
        {
            md.Append("- **").Append(label).Append(":** ").Append(MarkdownText.Escape(value)).Append('\n');
        }

        md.Append('\n');
        foreach (BenchmarkTable table in SummaryTables.Build(run))
        {
            AppendBenchmark(md, table);
        }

        if (run.Measurements.Count == 0)
        {
            md.Append("No measurements.\n\n");
        }

        AppendErrors(md, run.Errors);
        AppendRuleFailures(md, run.RuleFailures);
        return md.ToString();
    }

    private static void AppendBenchmark(StringBuilder md, BenchmarkTable table)
    {
        md.Append("## ").Append(MarkdownText.Escape(table.Benchmark)).Append("\n\n");
        if (table.CommonParameters.Length > 0)
        {
            md.Append("Parameters of every case: ").Append(MarkdownText.Escape(table.CommonParameters)).Append("\n\n");
        }
        MarkdownText.AppendTable(md, table.Headers, table.Rows.Select(r => Cells(table, r)), table.NumericColumns);
        IReadOnlyList<string> sources = table.BaselineSources;
        if (sources.Count > 0)
        {
            md.Append("Baselines: ").Append(MarkdownText.Escape(string.Join(", ", sources))).Append("\n\n");
        }
    }

    private static IReadOnlyList<string> Cells(BenchmarkTable table, SummaryRow row)
    {
        var cells = table.Cells(row).ToArray();
        if (row.Status is VerdictStatus.Fail or VerdictStatus.Error)
        {
            // Failures shout so they stand out in a plain-text diff or terminal.
            string status = EnumText.Of(row.Status);
            cells[^1] = status.ToUpperInvariant() + row.Verdict[status.Length..];
        }

        return cells;
    }

    private static void AppendErrors(StringBuilder md, IReadOnlyList<RunError> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        md.Append("## Errors\n\n");
        MarkdownText.AppendTable(md, ["benchmark", "case", "kind", "message"],
            errors.Select(e => (IReadOnlyList<string>)[e.Benchmark, e.Case ?? "—", e.Kind.Text(), e.Message]));
    }

    private static void AppendRuleFailures(StringBuilder md, IReadOnlyList<MeasurementVerdict> failures)
    {
        if (failures.Count == 0)
        {
            return;
        }

        md.Append("## Rule failures\n\n");
        MarkdownText.AppendTable(md, ["rule", "status", "detail"],
            failures.Select(f => (IReadOnlyList<string>)[f.Rule, EnumText.Of(f.Status), f.Detail ?? "—"]));
    }
}
