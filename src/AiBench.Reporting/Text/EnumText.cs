using AiBench.Core.Results;

namespace AiBench.Reporting.Text;

/// <summary>The lower-case names the result schema uses for its enums, so every report spells them as run.json does.</summary>
public static class EnumText
{
    public static string Of(VerdictStatus status) => status switch
    {
        VerdictStatus.Pass => "pass",
        VerdictStatus.Fail => "fail",
        VerdictStatus.Error => "error",
        _ => "none",
    };

    public static string Of(RunStatus status) => status switch
    {
        RunStatus.Complete => "complete",
        RunStatus.Partial => "partial",
        _ => "failed",
    };

    public static string Of(Direction direction) => direction == Direction.Higher ? "higher" : "lower";
}
