using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AiBench.Tests.EndToEnd;

/// <summary>
/// The real CLI started as a child that a test acts on while it runs (a signal, a fault on its disk). It starts through
/// <c>env --default-signal=INT</c> (coreutils ≥ 8.31): a test runner started as a background job of a non-interactive
/// shell has SIGINT ignored, children inherit that, and AiBench, like any POSIX program, keeps an inherited ignore.
/// </summary>
internal sealed class RunningCli : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly List<(string Prefix, TaskCompletionSource Seen)> _awaited = [];
    private readonly Task<string> _stdout;

    private RunningCli(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => OnStderrLine(e.Data);
        _stdout = _process.StandardOutput.ReadToEndAsync();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static RunningCli Start(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        new(Process.Start(ChildProcess.StartInfo(
            "env", ["--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "aibench.dll"), .. args], workingDirectory, environment))!);

    /// <summary>Waits until a stderr line starts with <paramref name="prefix"/> (a case starting: <c>[2/4]</c>).</summary>
    public async Task WaitForStderrLineAsync(string prefix, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_stderr)
        {
            if (_stderr.ToString().Split('\n').Any(l => l.StartsWith(prefix, StringComparison.Ordinal)))
            {
                return;
            }

            _awaited.Add((prefix, seen));
        }

        if (await Task.WhenAny(seen.Task, Task.Delay(timeout)) != seen.Task)
        {
            throw new TimeoutException($"no stderr line starting with '{prefix}' in {timeout.TotalSeconds} s:\n{Stderr}");
        }
    }

    public async Task SignalAsync(string signal)
    {
        using Process kill = Process.Start("kill", [$"-{signal}", Pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async Task<CliProcess.Result> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return new CliProcess.Result(_process.ExitCode, await _stdout, Stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void OnStderrLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderr)
        {
            _stderr.AppendLine(line);
            foreach ((string prefix, TaskCompletionSource seen) in _awaited.Where(a => line.StartsWith(a.Prefix, StringComparison.Ordinal)))
            {
                seen.TrySetResult();
            }
        }
    }
}
