using System.CommandLine;
using System.Text.Json;
using AiBench.Cli.Composition;
using AiBench.Core.Comparing;
using AiBench.Core.Errors;
using AiBench.Core.Results;
using AiBench.Reporting.Gates;

namespace AiBench.Cli.Commands;

/// <summary>
/// <c>aibench gate BASE RUN --max-regression 5%</c>: a CI gate on two stored runs, nothing re-run. Exit 1 only for a
/// regression shown with confidence (<see cref="RegressionGate"/>), 0 otherwise, 2 on bad input. Writes JUnit XML and a
/// Markdown summary on request, and appends the summary to <c>$GITHUB_STEP_SUMMARY</c> when that is set.
/// </summary>
internal static class GateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var baseRun = new Argument<string>("base") { Description = "The base run folder (or its run.json): the accepted performance" };
        var run = new Argument<string>("run") { Description = "The run folder to gate" };
        var maxRegression = new Option<string>("--max-regression") { Description = "How much worse a measurement may be (e.g. 5%)", Required = true };
        var junit = new Option<string?>("--junit") { Description = "Write the decision as JUnit XML to this file" };
        var summary = new Option<string?>("--summary") { Description = "Write the Markdown summary to this file" };
        var json = new Option<bool>("--json") { Description = "Print the decision as JSON (schema aibench.gate/1) instead of Markdown" };
        var command = new Command("gate", "Fail (exit 1) when a stored run regressed against a base run with statistical confidence") { baseRun, run, maxRegression, junit, summary, json };
        command.SetAction(parse =>
        {
            using var interrupt = new DeferredInterrupt();
            double threshold = RelativeThreshold.Parse(parse.GetValue(maxRegression)!, "--max-regression");
            (Run before, Run after) = RunPair.Load(parse.GetRequiredValue(baseRun), parse.GetRequiredValue(run));
            RunComparison comparison = SharedMeasurements.Require(RunComparer.Compare(before, after, threshold), before, after, "gate");
            GateResult gate = RegressionGate.Judge(comparison);
            string markdown = GateMarkdown.Render(gate);
            if (parse.GetValue(junit) is { } junitPath)
            {
                AtomicFile.WriteAllBytes(InFolder(junitPath), GateJUnit.Render(gate));
            }

            if (parse.GetValue(summary) is { } summaryPath)
            {
                AtomicFile.WriteAllText(InFolder(summaryPath), markdown);
            }

            // The decision first: a step summary that cannot be written must not hide it.
            output.Write(parse.GetValue(json) ? JsonSerializer.Serialize(gate, ComparisonJsonContext.Default.GateResult) + "\n" : markdown);
            StepSummary.Append(markdown);
            if (gate.Failed)
            {
                error.WriteLine($"aibench: gate failed: {gate.Count(GateOutcome.Regression)} regression(s) beyond {RelativeThreshold.Format(threshold)}");
            }

            return interrupt.Outcome(gate.Failed ? (int)ExitCode.PerformanceFailure : (int)ExitCode.Pass, error);
        });
        return command;
    }

    /// <summary>CI paths often name a reports folder the job has not made yet (reports/gate.xml): make it.</summary>
    private static string InFolder(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return path;
    }
}
