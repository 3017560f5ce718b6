using System.Globalization;
using AiBench.Core.Results;

namespace AiBench.Reporting.Systems;

/// <summary>
/// The name a system goes by on a page: what <c>--label</c> says, else host, short machine id and date, because
/// two cloud VMs are both called <c>vm</c> and the same host measured twice is two systems to a reader.
/// </summary>
public static class SystemLabel
{
    private const int MachineIdChars = 6;

    public static string Default(Run run)
    {
        string id = run.System.MachineId is { Length: > 0 } machine
            ? " " + (machine.Length > MachineIdChars ? machine[..MachineIdChars] : machine)
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{run.System.Host}{id} {run.StartedAt.UtcDateTime:yyyy-MM-dd}");
    }

    /// <summary>The given labels in order, the default where none was given; a label used twice gets <c>(2)</c>, <c>(3)</c>.</summary>
    public static IReadOnlyList<string> ForRuns(IReadOnlyList<Run> runs, IReadOnlyList<string>? given = null)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var labels = new List<string>(runs.Count);
        for (int i = 0; i < runs.Count; i++)
        {
            string label = given is not null && i < given.Count && !string.IsNullOrWhiteSpace(given[i]) ? given[i].Trim() : Default(runs[i]);
            string unique = label;
            for (int n = 2; !taken.Add(unique); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{label} ({n})");
            }

            labels.Add(unique);
        }

        return labels;
    }
}
