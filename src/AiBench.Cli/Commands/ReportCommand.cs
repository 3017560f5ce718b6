using System.CommandLine;
using AiBench.Cli.Composition;
using AiBench.Cli.Console;
using AiBench.Core.Errors;
using AiBench.Core.Results;
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
            using var interrupt = new DeferredInterrupt();
            var directories = parse.GetRequiredValue(runs).Select(RunFolder).ToList();
            string[] given = parse.GetValue(labels) ?? [];
            if (given.Length > directories.Count)
            {
                throw new BadInputException($"{given.Length} --label values for {directories.Count} run folders");
            }

            bool nothingWritten = false;
            for (int i = 0; i < directories.Count && !interrupt.Requested; i++)
            {
                string? label = i < given.Length ? given[i] : null;
                nothingWritten |= !Report(ReportWriter.Regenerate(directories[i], label), "report", ReportFileNames.HtmlReport, directories[i], output, error);
            }

            if (parse.GetValue(compareOut) is { } target && !interrupt.Requested)
            {
                nothingWritten |= !Report(ReportWriter.Compare(directories, target, given), "comparison", ReportFileNames.ComparisonHtml, target, output, error);
            }

            return interrupt.Outcome(nothingWritten ? (int)ExitCode.CouldNotRun : (int)ExitCode.Pass, error);
        });
        return command;
    }

    /// <summary>
    /// The folder of a run given as its folder or its run.json. A file by another name is refused: the reports are
    /// regenerated from the folder's run.json, so copy.json, /dev/null or a FIFO used to stand for whatever run.json
    /// lay beside it, and a report of that other run was written.
    /// </summary>
    private static string RunFolder(string given)
    {
        if (Directory.Exists(given))
        {
            return given;
        }

        if (!File.Exists(given))
        {
            throw new BadInputException($"no run found at '{given}'");
        }

        return Path.GetFileName(given) == RunFile.FileName
            ? Path.GetDirectoryName(Path.GetFullPath(given))!
            : throw new BadInputException($"'{given}' is not a run folder or a {RunFile.FileName}: report regenerates a run folder's reports from its {RunFile.FileName}");
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
