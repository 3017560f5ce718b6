using System.Security.Cryptography;
using AiBench.Core.Errors;

namespace AiBench.Cli.Composition;

/// <summary>
/// Names and creates a run's folder under the results root. A run id is
/// <c>2026-11-26T14-02-11Z-node17-3f9a</c> (UTC time, host, random suffix); an existing folder is never reused.
/// </summary>
internal static class RunDirectory
{
    public static string NewRunId(string host, DateTimeOffset now)
    {
        string safeHost = new(host.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());
        return $"{now.UtcDateTime:yyyy-MM-ddTHH-mm-ss}Z-{safeHost}-{RandomNumberGenerator.GetHexString(4, lowercase: true)}";
    }

    /// <summary>Creates a fresh folder for the run; unwritable roots are bad input (exit 2), reported before anything runs.</summary>
    public static string Create(string root, string runId)
    {
        try
        {
            Directory.CreateDirectory(root);
            string path = Path.Combine(root, runId);
            for (int attempt = 2; Directory.Exists(path); attempt++)
            {
                path = Path.Combine(root, $"{runId}-{attempt}");
            }

            Directory.CreateDirectory(path);
            string probe = Path.Combine(path, ".write-test");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new BadInputException($"cannot write results under '{root}': {e.Message}");
        }
    }
}
