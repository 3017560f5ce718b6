using System.CommandLine;
using AiBench.Core.Errors;
using AiBench.Reporting;

namespace AiBench.Cli.Commands;

/// <summary>
/// <c>aibench report &lt;run-dir&gt;...</c>: regenerates each stored run's reports from its run.json; with
/// <c>--compare-out DIR</c> also writes a side-by-side comparison of the runs there.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var runs = new Argument<string[]>("run-dir") { Description = "One or more run folders (or their run.json files)", Arity = ArgumentArity.OneOrMore };
        var compareOut = new Option<string?>("--compare-out") { Description = "Write comparison.md/.html of all given runs into this folder" };
        var command = new Command("report", "Regenerate summary.md, measurements.csv, report.html, junit.xml and charts from stored runs")
        {
            runs, compareOut,
        };
        command.SetAction(parse =>
        {
            var directories = parse.GetRequiredValue(runs)
                .Select(r => Directory.Exists(r) ? r : File.Exists(r) ? Path.GetDirectoryName(Path.GetFullPath(r))! : throw new BadInputException($"no run found at '{r}'"))
                .ToList();
            foreach (string directory in directories)
            {
                Report(ReportWriter.Regenerate(directory), error);
                output.WriteLine($"report: {Path.Combine(directory, "report.html")}");
            }

            if (parse.GetValue(compareOut) is { } target)
            {
                Report(ReportWriter.Compare(directories, target), error);
                output.WriteLine($"comparison: {Path.Combine(target, "comparison.html")}");
            }

            return 0;
        });
        return command;
    }

    private static void Report(ReportResult result, TextWriter error)
    {
        foreach (ExportFailure failure in result.Failures)
        {
            error.WriteLine($"aibench: warning: {failure.Exporter} report not written: {failure.Message}");
        }
    }
}
