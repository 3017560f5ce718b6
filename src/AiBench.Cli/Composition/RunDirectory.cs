using System.Security.Cryptography;
using AiBench.Core.Errors;
using AiBench.Core.Files;

namespace AiBench.Cli.Composition;

/// <summary>
/// Names and creates a run's folder under the results root. A run id is
/// <c>2026-11-26T14-02-11Z-node17-3f9a</c> (UTC time, host, random suffix); an existing folder is never reused.
/// The folder is created when the run is written, not when it starts, so a run killed with SIGKILL leaves no empty
/// folder behind; whether the root takes files at all is checked before anything runs.
/// </summary>
internal static class RunDirectory
{
    public static string NewRunId(string host, DateTimeOffset now)
    {
        string safeHost = new(host.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());
        return $"{now.UtcDateTime:yyyy-MM-ddTHH-mm-ss}Z-{safeHost}-{RandomNumberGenerator.GetHexString(4, lowercase: true)}";
    }

    /// <summary>Creates the results root if needed and writes a probe file in it: an unwritable root is bad input (exit 2), reported before anything runs.</summary>
    public static void CheckWritable(string root)
    {
        try
        {
            Directory.CreateDirectory(root);
            string probe = Path.Combine(root, $".aibench-write-test-{Environment.ProcessId}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (StorageFault.Is(e) || e is NotSupportedException or ArgumentException)
        {
            throw new BadInputException($"cannot write results under '{root}': {e.Message}");
        }
    }

    /// <summary>Creates a fresh folder for the run (a suffix <c>-2</c>, <c>-3</c>… if the name is taken).</summary>
    /// <exception cref="IOException">The root cannot take the folder now (full, read-only, removed and not re-creatable).</exception>
    public static string Create(string root, string runId)
    {
        Directory.CreateDirectory(root);
        string path = Path.Combine(root, runId);
        for (int attempt = 2; Directory.Exists(path); attempt++)
        {
            path = Path.Combine(root, $"{runId}-{attempt}");
        }

        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Removes a folder this run created when a failed write left it empty; anything in it is left alone.</summary>
    public static void RemoveIfEmpty(string? path)
    {
        try
        {
            if (path is not null && Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any())
            {
                Directory.Delete(path);
            }
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            // The disk that refused the run may refuse this too; an empty folder is the lesser loss.
        }
    }
}
