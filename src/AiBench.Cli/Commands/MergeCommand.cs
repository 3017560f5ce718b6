using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AiBench.Cli.Composition;
using AiBench.Core.Errors;
using AiBench.Core.Fleet;
using AiBench.Core.Results;
using AiBench.Core.Units;
using Spectre.Console;

namespace AiBench.Cli.Commands;

/// <summary>
/// <c>aibench merge &lt;run-dir&gt;...</c>: one run per node in, the slow nodes out. Flags figures worse than the
/// fleet median by a robust z-score (and optionally a relative deviation), lists each node's own verdict against
/// the datasheet, writes fleet.json and fleet.md, and exits 1 when a node is an outlier or failed its rules.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(TextWriter output)
    {
        var runs = new Argument<string[]>("run-dir") { Description = "One run folder per node (three or more to judge outliers)", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "Folder under which the fleet folder is created", DefaultValueFactory = _ => "results" };
        var threshold = new Option<double>("--threshold") { Description = "Robust z-score beyond which a worse-than-fleet figure is an outlier", DefaultValueFactory = _ => FleetAnalyzer.DefaultZThreshold };
        var maxDeviation = new Option<string?>("--max-deviation") { Description = "Also flag figures worse than the fleet median by more than this (e.g. 10%)" };
        var command = new Command("merge", "Compare one run per node and name the nodes that are slower than the fleet") { runs, outDir, threshold, maxDeviation };
        command.SetAction(parse =>
        {
            var loaded = parse.GetRequiredValue(runs).Select(RunFile.Read).ToList();
            double? deviation = null;
            if (parse.GetValue(maxDeviation) is { } text)
            {
                try
                {
                    deviation = Quantity.Parse(text).Value;
                }
                catch (FormatException e)
                {
                    throw new BadInputException($"--max-deviation: {e.Message}");
                }
            }

            IReadOnlyList<FleetFinding> findings = FleetAnalyzer.Analyze(loaded, parse.GetValue(threshold), deviation);
            var failedNodes = loaded.Where(r => r.Verdict is VerdictStatus.Fail or VerdictStatus.Error).ToList();
            string folder = RunDirectory.Create(parse.GetValue(outDir)!, "fleet-" + RunDirectory.NewRunId("merge", DateTimeOffset.UtcNow));
            AtomicFile.WriteAllText(Path.Combine(folder, "fleet.json"), JsonSerializer.Serialize(findings.ToList(), FleetJsonContext.Default.ListFleetFinding));
            AtomicFile.WriteAllText(Path.Combine(folder, "fleet.md"), Markdown(loaded, findings, failedNodes));

            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            var outliers = findings.Where(f => f.IsOutlier).ToList();
            if (outliers.Count > 0)
            {
                var table = new Table().AddColumn("node").AddColumn("figure").AddColumn(new TableColumn("value").RightAligned())
                    .AddColumn(new TableColumn("fleet median").RightAligned()).AddColumn(new TableColumn("deviation").RightAligned())
                    .AddColumn(new TableColumn("robust z").RightAligned());
                foreach (FleetFinding f in outliers)
                {
                    table.AddRow(Markup.Escape(f.Host), Markup.Escape(f.Key), Markup.Escape(UnitFormatter.Format(f.Value, f.Unit)),
                        Markup.Escape(UnitFormatter.Format(f.FleetMedian, f.Unit)), f.Deviation.ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture),
                        f.RobustZ.ToString("0.0", CultureInfo.InvariantCulture));
                }

                console.Write(table);
            }

            foreach (Run run in failedNodes)
            {
                console.MarkupLine($"[red]{Markup.Escape(run.System.Host)}: verdict {run.Verdict.ToString().ToLowerInvariant()} in run {Markup.Escape(run.RunId)}[/]");
            }

            console.MarkupLine($"{loaded.Count} runs, {findings.Select(f => f.Key).Distinct().Count()} figures compared, "
                + $"{outliers.Select(f => f.Host).Distinct().Count()} outlier node(s); fleet report: {Markup.Escape(Path.Combine(folder, "fleet.md"))}");
            return outliers.Count > 0 || failedNodes.Count > 0 ? (int)ExitCode.PerformanceFailure : (int)ExitCode.Pass;
        });
        return command;
    }

    private static string Markdown(IReadOnlyList<Run> runs, IReadOnlyList<FleetFinding> findings, IReadOnlyList<Run> failedNodes)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Fleet comparison of {runs.Count} runs");
        md.AppendLine();
        md.AppendLine("| node | run | verdict |");
        md.AppendLine("|---|---|---|");
        foreach (Run run in runs)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {run.System.Host} | {run.RunId} | {run.Verdict.ToString().ToLowerInvariant()} |");
        }

        md.AppendLine();
        md.AppendLine("| figure | node | value | fleet median | deviation | robust z | outlier |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---|");
        foreach (FleetFinding f in findings)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Key.Replace("|", "\\|", StringComparison.Ordinal)} | {f.Host} | {UnitFormatter.Format(f.Value, f.Unit)} | {UnitFormatter.Format(f.FleetMedian, f.Unit)} | {f.Deviation:+0.0%;-0.0%} | {f.RobustZ:0.0} | {(f.IsOutlier ? "**" + f.Reason + "**" : "")} |");
        }

        if (failedNodes.Count > 0)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Nodes that failed their own rules: {string.Join(", ", failedNodes.Select(r => r.System.Host))}.");
        }

        return md.ToString();
    }
}
