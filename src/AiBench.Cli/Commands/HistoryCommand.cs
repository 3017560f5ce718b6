using System.CommandLine;
using System.Text.Json;
using AiBench.Cli.Composition;
using AiBench.Cli.Console;
using AiBench.Core.Comparing;
using AiBench.Core.Errors;
using AiBench.Core.History;
using AiBench.Core.Results;
using AiBench.Reporting.Gates;

namespace AiBench.Cli.Commands;

/// <summary>
/// <c>aibench history RUN...</c>: per metric, the runs by start time with median and CI, and the shifts E-divisive
/// finds (<see cref="HistoryAnalyzer"/>). Exit 1 when a metric's latest shift is a regression beyond the threshold.
/// <c>--out DIR</c> writes history.md, history.json and history.html, with a trend chart per metric.
/// </summary>
internal static class HistoryCommand
{
    public const int MinRuns = 3;
    public const string MarkdownFile = "history.md";
    public const string JsonFile = "history.json";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var runs = new Argument<string[]>("run-dir") { Description = $"Run folders of one suite on one machine (at least {MinRuns})", Arity = ArgumentArity.OneOrMore };
        var threshold = new Option<string>("--threshold") { Description = "A shift worse than this is a regression (e.g. 5%)", DefaultValueFactory = _ => RelativeThreshold.DefaultText };
        var json = new Option<bool>("--json") { Description = "Print the history as JSON (schema aibench.history/1) instead of Markdown" };
        var outDir = new Option<string?>("--out") { Description = "Also write history.md, history.json and history.html (a trend chart per metric) into this folder" };
        var command = new Command("history", "Find the shifts in a series of stored runs (change-point detection) and name the first run of each") { runs, threshold, json, outDir };
        command.SetAction(parse =>
        {
            using var interrupt = new DeferredInterrupt();
            double margin = RelativeThreshold.Parse(parse.GetValue(threshold)!, "--threshold");
            IReadOnlyList<string> inputs = parse.GetRequiredValue(runs);
            if (inputs.Count < MinRuns)
            {
                throw new BadInputException($"history needs at least {MinRuns} runs (got {inputs.Count})");
            }

            List<Run> loaded = inputs.Select(RunFile.Read).ToList();
            if (loaded.GroupBy(r => r.RunId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new BadInputException($"run {twice.Key} is given twice");
            }

            OutputFolder? folder = OutputFolder.Checked(parse.GetValue(outDir));

            RunHistory history = HistoryAnalyzer.Analyze(loaded, margin);
            string markdown = HistoryMarkdown.Render(history);
            string document = JsonSerializer.Serialize(history, ComparisonJsonContext.Default.RunHistory);
            folder?.Write(MarkdownFile, markdown);
            folder?.Write(JsonFile, document);
            if (folder is not null)
            {
                ReportWarnings.Write(HistoryHtml.Write(history, folder.Path), error);
            }

            output.Write(parse.GetValue(json) ? document + "\n" : markdown);
            foreach (MetricHistory regressed in history.Metrics.Where(m => m.LatestRegression is not null))
            {
                ChangePoint c = regressed.LatestRegression!;
                error.WriteLine($"aibench: {FigureName.Of(regressed.Measurement)} regressed {GateText.Percent(c.WorseBy)} at run {c.RunId}");
            }

            return interrupt.Outcome(history.LatestShiftRegressed ? (int)ExitCode.PerformanceFailure : (int)ExitCode.Pass, error);
        });
        return command;
    }
}
