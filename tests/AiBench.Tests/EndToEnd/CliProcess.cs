namespace AiBench.Tests.EndToEnd;

/// <summary>Runs the real CLI (aibench.dll beside the tests) as a child process and captures what it prints.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    /// <param name="environment">variables to set, or to remove (null value), for the child only.</param>
    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        ChildProcess.Result result = ChildProcess.RunWithin(
            ChildProcess.StartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "aibench.dll"), .. args], workingDirectory, environment),
            TimeSpan.FromMinutes(3), $"aibench {string.Join(' ', args)}");
        return new Result(result.ExitCode, result.Stdout, result.Stderr);
    }
}
