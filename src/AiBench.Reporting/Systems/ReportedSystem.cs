using AiBench.Core.Results;

namespace AiBench.Reporting.Systems;

/// <summary>A run as a page shows it: the system's label and its place in the page's palette.</summary>
public sealed record ReportedSystem(Run Run, string Label, int Index)
{
    public string Colour => SystemPalette.Hex(Index);

    public static IReadOnlyList<ReportedSystem> Of(IReadOnlyList<Run> runs, IReadOnlyList<string>? labels = null)
    {
        IReadOnlyList<string> names = SystemLabel.ForRuns(runs, labels);
        return runs.Select((run, i) => new ReportedSystem(run, names[i], i)).ToList();
    }

    public static ReportedSystem Single(Run run, string? label = null) => Of([run], label is null ? null : [label])[0];
}
