using System.Globalization;
using AiBench.Core.Results;

namespace AiBench.Core.Cluster;

/// <summary>
/// Finds inputs that are not distinct machines: the same run given twice (same run id, host and machine id), and
/// two runs of one machine (same host and machine id, different runs) — either would let one machine count as two
/// in a fleet median. Machines without a machine id are never called the same from the host name alone (containers
/// share host names). Findings are <see cref="ClusterSubjectKind.Node"/>, category <c>duplicate</c>, and name the inputs.
/// </summary>
public static class DuplicateRuns
{
    public const string Category = "duplicate";

    /// <summary>Duplicates among runs; <paramref name="inputNames"/> name them in the findings (run folders; default <c>#1 (host)</c>).</summary>
    public static IReadOnlyList<ClusterFinding> Find(IReadOnlyList<Run> runs, IReadOnlyList<string>? inputNames = null) =>
        Find(runs.Select((run, i) => new Entry(
            inputNames?[i] ?? $"#{(i + 1).ToString(CultureInfo.InvariantCulture)} ({run.System.Host})",
            run.System.Host, run.System.MachineId, run.RunId)).ToList());

    /// <summary>Duplicates among the nodes of a cluster run, by their identities and, where they arrived, their runs.</summary>
    public static IReadOnlyList<ClusterFinding> Find(IReadOnlyList<NodeInput> nodes) =>
        Find(nodes.Select(n => new Entry(n.Identity.Name, n.Identity.Host, n.Identity.MachineId, n.Run?.RunId)).ToList());

    private static List<ClusterFinding> Find(List<Entry> entries)
    {
        var findings = new List<ClusterFinding>();
        var machines = entries
            .GroupBy(e => (e.Host, MachineId: string.IsNullOrWhiteSpace(e.MachineId) ? null : e.MachineId.Trim()))
            .Where(g => g.Count() > 1);
        foreach (var machine in machines)
        {
            var runs = machine.Where(e => e.RunId is not null).GroupBy(e => e.RunId!, StringComparer.Ordinal).ToList();
            foreach (var run in runs.Where(r => r.Count() > 1))
            {
                var names = run.Select(e => e.Name).ToList();
                findings.Add(Finding(machine.Key.Host, names,
                    $"{machine.Key.Host}: run {run.Key} given {names.Count} times ({string.Join(", ", names)})"));
            }

            if (machine.Key.MachineId is not { } id)
            {
                continue;   // same host, no machine id: could be distinct containers or VMs
            }

            // One name per distinct run, plus the nodes whose run never arrived (still the same machine twice).
            var distinct = runs.Select(r => r.First().Name).Concat(machine.Where(e => e.RunId is null).Select(e => e.Name)).ToList();
            if (distinct.Count > 1)
            {
                findings.Add(Finding(machine.Key.Host, distinct,
                    $"{machine.Key.Host}: {distinct.Count} inputs from one machine (machine id {Short(id)}): {string.Join(", ", distinct)}"));
            }
        }

        return findings;
    }

    private static ClusterFinding Finding(string host, List<string> names, string reason) => new()
    {
        Kind = ClusterSubjectKind.Node,
        Subject = host,
        Nodes = names,
        Category = Category,
        Reason = reason,
    };

    private static string Short(string machineId) => machineId.Length <= 8 ? machineId : machineId[..8] + "…";

    private sealed record Entry(string Name, string Host, string? MachineId, string? RunId);
}
