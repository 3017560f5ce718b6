using System.Runtime.InteropServices;
using AiBench.Core.Errors;

namespace AiBench.Cli.Composition;

/// <summary>
/// Ctrl-C or SIGTERM while a command writes files from stored runs (report, merge, compare, gate, history). Ended at
/// once, such a command left an atomic writer's temp file and a fleet or report folder with half its files; instead
/// the files in hand are finished, the command stops at the next whole step (<see cref="Requested"/>), and it ends with
/// exit 130. A second signal ends the process at once, as in run.
/// </summary>
internal sealed class DeferredInterrupt : IDisposable
{
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;
    private int _signals;

    public DeferredInterrupt()
    {
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public bool Requested => Volatile.Read(ref _signals) > 0;

    /// <summary>The command's own exit code, or 130 and one line when a signal came while it worked.</summary>
    public int Outcome(int exitCode, TextWriter error)
    {
        if (!Requested)
        {
            return exitCode;
        }

        error.WriteLine("aibench: interrupted; the files already begun were written in full");
        return (int)ExitCode.Interrupted;
    }

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
    }

    private void OnSignal(PosixSignalContext signal) => signal.Cancel = Interlocked.Increment(ref _signals) == 1;
}
