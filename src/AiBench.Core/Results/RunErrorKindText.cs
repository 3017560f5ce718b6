namespace AiBench.Core.Results;

/// <summary>The kind as run.json and every report spell it (<c>could-not-run</c>).</summary>
public static class RunErrorKindText
{
    public static string Text(this RunErrorKind kind) => kind switch
    {
        RunErrorKind.Unavailable => "unavailable",
        RunErrorKind.Skipped => "skipped",
        RunErrorKind.CouldNotRun => "could-not-run",
        RunErrorKind.BadInput => "bad-input",
        RunErrorKind.Interrupted => "interrupted",
        _ => "failed",
    };
}
