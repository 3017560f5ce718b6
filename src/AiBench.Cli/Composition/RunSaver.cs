using System.Text.Json;
using AiBench.Core.Results;
using AiBench.Reporting;
using AiBench.Cli.Console;
using AiBench.Core.Files;

namespace AiBench.Cli.Composition;

/// <summary>Where a finished run ended up: its folder, or the rescue place when the results folder refused it.</summary>
/// <param name="Location">The run folder, the rescue folder under the temp folder, or <c>stdout</c>.</param>
internal sealed record SavedRun(Run Run, string Location, bool Rescued);

/// <summary>
/// Writes a finished run into a new folder under the results root. When the root cannot take it now (a full disk, a
/// folder turned read-only or removed), nothing measured is lost: the run goes to a folder under the system temp folder
/// (<c>$TMPDIR</c>), and if even that fails, to stdout as JSON; the caller then exits 3. An hour-long acceptance run
/// must not die at its last second for want of disk.
/// </summary>
internal static class RunSaver
{
    public static SavedRun Save(Run run, string resultsRoot, TextWriter output, TextWriter error)
    {
        string? folder = null;
        try
        {
            folder = RunDirectory.Create(resultsRoot, run.RunId);
            run = run with { RunId = Path.GetFileName(folder) };
            ReportWarnings.Write(ReportWriter.Write(run, folder), error);
            return new SavedRun(run, folder, Rescued: false);
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            RunDirectory.RemoveIfEmpty(folder);
            string rescued = Rescue(run, output, error);
            error.WriteLine($"aibench: cannot write the run under '{resultsRoot}' ({e.Message}); every figure is saved in {rescued}");
            return new SavedRun(run, rescued, Rescued: true);
        }
    }


    private static string Rescue(Run run, TextWriter output, TextWriter error)
    {
        string? folder = null;
        try
        {
            folder = RunDirectory.Create(Path.GetTempPath(), $"aibench-rescued-{run.RunId}");
            ReportWarnings.Write(ReportWriter.Write(run, folder), error);
            return folder;
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            RunDirectory.RemoveIfEmpty(folder);
            output.WriteLine(JsonSerializer.Serialize(run, RunJsonContext.Default.Run));
            return $"stdout (as run.json; the temp folder refused it too: {e.Message})";
        }
    }
}
