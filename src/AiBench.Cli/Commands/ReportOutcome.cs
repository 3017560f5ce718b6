using AiBench.Reporting;

namespace AiBench.Cli.Commands;

/// <summary>What a command may claim it wrote: only a file the report writer lists as written, never one it meant to write.</summary>
internal static class ReportOutcome
{
    /// <summary>The full path of the written file named <paramref name="fileName"/>, or null when that exporter failed.</summary>
    public static string? Wrote(ReportResult result, string fileName) =>
        result.Files.FirstOrDefault(f => string.Equals(Path.GetFileName(f), fileName, StringComparison.Ordinal));
}
