using System.CommandLine;
using AiBench.Reporting;

namespace AiBench.Cli.Commands;

/// <summary><c>aibench report &lt;run-dir&gt;...</c>: regenerates reports from stored runs (run.json is the source of truth).</summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output)
    {
        var runs = new Argument<string[]>("run-dir") { Description = "One or more run folders (or run.json files)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("report", "Regenerate summary.md, measurements.csv, report.html, junit.xml and charts from stored runs") { runs };
        command.SetAction(parse =>
        {
            foreach (string run in parse.GetRequiredValue(runs))
            {
                string directory = Directory.Exists(run) ? run : Path.GetDirectoryName(Path.GetFullPath(run))!;
                ReportWriter.Regenerate(directory);
                output.WriteLine($"report: {Path.Combine(directory, "report.html")}");
            }

            return 0;
        });
        return command;
    }
}
