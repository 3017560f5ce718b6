namespace AiBench.Core.Errors;

/// <summary>The process exit codes (docs/user-guide.md, Verdicts and exit codes); scripts and CI gates depend on these numbers.</summary>
public enum ExitCode
{
    Pass = 0,
    PerformanceFailure = 1,
    BadInput = 2,
    CouldNotRun = 3,
    Interrupted = 130,
}
