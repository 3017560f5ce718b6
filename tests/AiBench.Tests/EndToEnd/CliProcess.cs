using System.Diagnostics;

namespace AiBench.Tests.EndToEnd;

/// <summary>Runs the real CLI (aibench.dll beside the tests) as a child process and captures what it prints.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    /// <param name="environment">variables to set, or to remove (null value), for the child only.</param>
    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        ProcessStartInfo start = StartInfo(workingDirectory, environment, "dotnet", [Path.Combine(AppContext.BaseDirectory, "aibench.dll"), .. args]);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"aibench {string.Join(' ', args)} did not finish in 3 minutes");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A child with redirected output in <paramref name="workingDirectory"/>; null values remove a variable.</summary>
    public static ProcessStartInfo StartInfo(
        string workingDirectory, IReadOnlyDictionary<string, string?>? environment, string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
