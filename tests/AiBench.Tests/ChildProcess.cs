using System.Diagnostics;

namespace AiBench.Tests;

/// <summary>
/// The tests' one way to run a program as a child: output captured, bounded by a time limit, and its whole process
/// tree killed when it overruns, so a hung mpirun, gateway script or CLI can neither hang the test run nor outlive it.
/// </summary>
internal static class ChildProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, bool TimedOut)
    {
        /// <summary>Both streams, for assertion messages and searches; a kill by the time limit is said at the end.</summary>
        public string Output => $"{Stdout}\n{Stderr}" + (TimedOut ? $"\n(killed after {Elapsed.TotalSeconds:0} s)" : "");
    }

    /// <summary>A child with redirected output; null environment values remove a variable for the child only.</summary>
    public static ProcessStartInfo StartInfo(
        string program, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

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

    public static async Task<Result> RunAsync(ProcessStartInfo start, TimeSpan limit)
    {
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return new Result(process.ExitCode, await stdout, await stderr, clock.Elapsed, TimedOut: false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();

            // A grandchild that left the tree (setsid) may still hold the pipes: take what arrived within a few seconds.
            await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(5)));
            return new Result(-1, Finished(stdout), Finished(stderr), clock.Elapsed, TimedOut: true);
        }
    }

    public static Result Run(ProcessStartInfo start, TimeSpan limit) => RunAsync(start, limit).GetAwaiter().GetResult();

    /// <summary>Runs and throws <see cref="TimeoutException"/> naming <paramref name="what"/> when it overran.</summary>
    public static Result RunWithin(ProcessStartInfo start, TimeSpan limit, string what)
    {
        Result result = Run(start, limit);
        return result.TimedOut
            ? throw new TimeoutException($"{what} did not finish in {limit.TotalMinutes:0.#} min\n{result.Output}")
            : result;
    }

    /// <summary>A short system tool (mkfifo, mount, mkfs): within a minute and exit 0, else an exception with its stderr.</summary>
    public static void Tool(string program, params string[] arguments)
    {
        Result result = RunWithin(StartInfo(program, arguments), TimeSpan.FromMinutes(1), program);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)}: exit {result.ExitCode}: {result.Stderr}");
        }
    }

    private static string Finished(Task<string> read) => read.IsCompletedSuccessfully ? read.Result : "";
}
