using System.CommandLine;
using System.Text.Json;
using AiBench.Cli.Composition;
using AiBench.Cli.Console;
using AiBench.Core.Comparing;
using AiBench.Core.Results;
using AiBench.Reporting;
using AiBench.Reporting.Comparison;
using AiBench.Reporting.Gates;
using AiBench.Reporting.Systems;

namespace AiBench.Cli.Commands;

/// <summary>
/// <c>aibench compare BASE RUN</c>: every measurement of two stored runs side by side with a distribution-free verdict
/// (<see cref="RunComparer"/>). Markdown to stdout, or the typed document (aibench.compare/1) with <c>--json</c>;
/// <c>--out DIR</c> also writes compare.md, compare.json and comparison.html (with its charts), every verdict from
/// <see cref="RunComparer.Judge"/> at the one threshold. Always exit 0 when both runs could be read.
/// </summary>
internal static class CompareCommand
{
    public const string MarkdownFile = "compare.md";
    public const string JsonFile = "compare.json";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var baseRun = new Argument<string>("base") { Description = "The base run folder (or its run.json)" };
        var run = new Argument<string>("run") { Description = "The run folder to compare with the base" };
        var threshold = new Option<string>("--threshold") { Description = "Smallest change the verdict calls better or worse (e.g. 5%)", DefaultValueFactory = _ => RelativeThreshold.DefaultText };
        var json = new Option<bool>("--json") { Description = "Print the comparison as JSON (schema aibench.compare/1) instead of Markdown" };
        var outDir = new Option<string?>("--out") { Description = "Also write compare.md, compare.json and comparison.html (with charts) into this folder" };
        var command = new Command("compare", "Compare two stored runs measurement by measurement: medians, ratio, better/worse/same") { baseRun, run, threshold, json, outDir };
        command.SetAction(parse =>
        {
            using var interrupt = new DeferredInterrupt();
            double margin = RelativeThreshold.Parse(parse.GetValue(threshold)!, "--threshold");
            (Run before, Run after) = RunPair.Load(parse.GetRequiredValue(baseRun), parse.GetRequiredValue(run));
            OutputFolder? folder = OutputFolder.Checked(parse.GetValue(outDir));

            RunComparison comparison = SharedMeasurements.Require(RunComparer.Compare(before, after, margin), before, after, "compare");
            string markdown = ComparisonMarkdown.Render(comparison);
            string document = JsonSerializer.Serialize(comparison, ComparisonJsonContext.Default.RunComparison);
            folder?.Write(MarkdownFile, markdown);
            folder?.Write(JsonFile, document);
            if (folder is not null)
            {
                // The page a person publishes: both systems charted, the same verdicts as the Markdown and JSON.
                (_, ReportResult page) = ComparisonReport.WriteHtml([before, after], folder.Path, Labels(before, after), margin);
                ReportWarnings.Write(page, error);
            }

            output.Write(parse.GetValue(json) ? document + "\n" : markdown);
            return interrupt.Outcome(0, error);
        });
        return command;
    }

    /// <summary>The page says which side is which, as compare.md does.</summary>
    private static IReadOnlyList<string> Labels(Run before, Run after) =>
        [$"base · {SystemLabel.Default(before)}", $"run · {SystemLabel.Default(after)}"];
}
