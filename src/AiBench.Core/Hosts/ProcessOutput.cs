using System.ComponentModel;
using System.Diagnostics;

namespace AiBench.Core.Hosts;

/// <summary>Runs a helper program (nvidia-smi) and returns its standard output, or null — never hangs past the timeout.</summary>
internal static class ProcessOutput
{
    public static string? TryRun(string program, string arguments, TimeSpan timeout)
    {
        string? path = FindOnPath(program);
        if (path is null)
        {
            return null;
        }

        try
        {
            using var process = new Process
            {
                StartInfo = new ProcessStartInfo(path, arguments)
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                },
            };
            process.Start();
            // Both pipes drained concurrently: a full stderr pipe would otherwise block the child forever.
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return process.ExitCode == 0 && output.Wait(timeout) ? output.Result : null;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException or AggregateException)
        {
            return null;
        }
    }

    private static string? FindOnPath(string program)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
