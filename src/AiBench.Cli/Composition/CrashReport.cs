using AiBench.Core.Files;

namespace AiBench.Cli.Composition;

/// <summary>Keeps the details of an unexpected exception in a file under the temp folder, for a bug report.</summary>
internal static class CrashReport
{
    /// <summary>Writes the exception with its stack; returns "; details in PATH", or "" when even that cannot be written.</summary>
    public static string Write(Exception exception)
    {
        try
        {
            string path = Path.Combine(Path.GetTempPath(), $"aibench-crash-{DateTime.UtcNow:yyyyMMddTHHmmss}-{Environment.ProcessId}.txt");
            File.WriteAllText(path, $"aibench {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}\n{exception}\n");
            return $"; details in {path}";
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            return "";
        }
    }
}
