using System.Globalization;
using AiBench.Core.Comparing;
using AiBench.Core.Units;

namespace AiBench.Reporting.Gates;

/// <summary>Numbers as the compare, gate and history outputs write them.</summary>
public static class GateText
{
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary><c>+3.1%</c> better / <c>-8.0%</c> worse: the change in the metric's better direction.</summary>
    public static string Change(double? worseBy) =>
        worseBy is { } w ? (-w * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Ratio(double? ratio) => ratio is { } r ? r.ToString("0.000", CultureInfo.InvariantCulture) + "×" : "—";

    public static string Value(double? value, string unit) => value is { } v ? UnitFormatter.Format(v, unit) : "—";

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Verdict(ComparedVerdict verdict) => verdict switch
    {
        ComparedVerdict.Better => "better",
        ComparedVerdict.Worse => "worse",
        ComparedVerdict.Same => "same",
        _ => "not enough samples",
    };

    public static string Outcome(GateOutcome outcome) => outcome switch
    {
        GateOutcome.Regression => "REGRESSION",
        GateOutcome.NotEnoughSamples => "not enough samples",
        GateOutcome.Missing => "missing",
        _ => "pass",
    };

    public static string Run(ComparedRun run) =>
        $"{run.RunId} ({run.Host}, {run.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)})";
}
