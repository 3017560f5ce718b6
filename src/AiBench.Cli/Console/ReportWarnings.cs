using AiBench.Reporting;

namespace AiBench.Cli.Console;

/// <summary>The notes and failed views of a report run, one stderr line each; run.json (or cluster.json) alone decides the result.</summary>
internal static class ReportWarnings
{
    public static void Write(ReportResult result, TextWriter error)
    {
        foreach (string note in result.Notes)
        {
            error.WriteLine($"aibench: note: {note}");
        }

        foreach (ExportFailure failure in result.Failures)
        {
            error.WriteLine($"aibench: warning: {failure.Exporter} report not written: {failure.Message.ReplaceLineEndings(" ")}");
        }
    }
}
