using System.CommandLine;
using AiBench.Cli.Console;
using AiBench.Core.Errors;
using AiBench.Reporting;

namespace AiBench.Cli.Commands;

/// <summary>
/// <c>aibench report &lt;run-dir&gt;...</c>: regenerates each stored run's reports from its run.json; with
/// <c>--compare-out DIR</c> also writes a side-by-side comparison of the runs there. <c>--label</c> names each run's
/// system on the pages (in run order), and a PDF is printed where Chromium is installed.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var runs = new Argument<string[]>("run-dir") { Description = "One or more run folders (or their run.json files)", Arity = ArgumentArity.OneOrMore };
        var compareOut = new Option<string?>("--compare-out") { Description = "Write comparison.md/.html of all given runs into this folder" };
        var labels = new Option<string[]>("--label")
        {
            Description = "Name of each run's system on the pages, in run order (default: host, short machine id, date)",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("report", "Regenerate summary.md, measurements.csv, report.html (and .pdf with Chromium), junit.xml and charts from stored runs")
        {
            runs, compareOut, labels,
        };
        command.SetAction(parse =>
        {
            var directories = parse.GetRequiredValue(runs)
                .Select(r => Directory.Exists(r) ? r : File.Exists(r) ? Path.GetDirectoryName(Path.GetFullPath(r))! : throw new BadInputException($"no run found at '{r}'"))
                .ToList();
            string[] given = parse.GetValue(labels) ?? [];
            if (given.Length > directories.Count)
            {
                throw new BadInputException($"{given.Length} --label values for {directories.Count} run folders");
            }

            bool nothingWritten = false;
            for (int i = 0; i < directories.Count; i++)
            {
                string? label = i < given.Length ? given[i] : null;
                nothingWritten |= !Report(ReportWriter.Regenerate(directories[i], label), "report", ReportFileNames.HtmlReport, directories[i], output, error);
            }

            if (parse.GetValue(compareOut) is { } target)
            {
                nothingWritten |= !Report(ReportWriter.Compare(directories, target, given), "comparison", ReportFileNames.ComparisonHtml, target, output, error);
            }

            return nothingWritten ? (int)ExitCode.CouldNotRun : (int)ExitCode.Pass;
        });
        return command;
    }

    /// <summary>
    /// Prints the failures, and the HTML file only if it was written; false when nothing at all was, which is then
    /// one line with the reasons.
    /// </summary>
    private static bool Report(ReportResult result, string label, string htmlName, string directory, TextWriter output, TextWriter error)
    {
        if (result.Files.Count == 0)
        {
            string reasons = string.Join("; ", result.Failures.Select(f => f.Message.ReplaceLineEndings(" ")));
            error.WriteLine($"aibench: no {label} written in {directory}" + (reasons.Length > 0 ? $" ({reasons})" : ""));
            return false;
        }

        ReportWarnings.Write(result, error);

        if (ReportOutcome.Wrote(result, htmlName) is { } html)
        {
            output.WriteLine($"{label}: {html}");
        }

        return true;
    }
}
