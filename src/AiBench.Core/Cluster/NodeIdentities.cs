using System.Globalization;

namespace AiBench.Core.Cluster;

/// <summary>
/// Gives every node a unique name that is safe as a folder name: its host name; <c>host-&lt;machine id, 8
/// characters&gt;</c> when distinct machines share the host name (containers, cloned VMs); <c>host</c>,
/// <c>host-2</c>, <c>host-3</c> in input order where not even the machine id separates them (none recorded, or the
/// same one twice). Names are compared without case, as a case-insensitive file system would.
/// </summary>
public static class NodeIdentities
{
    private const int MachineIdChars = 8;

    public static IReadOnlyList<NodeIdentity> Assign(IReadOnlyList<NodeDescription> nodes)
    {
        string[] hosts = nodes.Select(n => FolderSafe(n.Host)).ToArray();
        string[] names = new string[nodes.Count];
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sharedHosts = new List<List<int>>();
        foreach (var group in Enumerable.Range(0, nodes.Count).GroupBy(i => hosts[i], StringComparer.OrdinalIgnoreCase))
        {
            var members = group.ToList();
            if (members.Count == 1)
            {
                names[members[0]] = hosts[members[0]];
                taken.Add(names[members[0]]);   // a unique host keeps its own name before any suffixed one can claim it
            }
            else
            {
                sharedHosts.Add(members);
            }
        }

        foreach (List<int> members in sharedHosts)
        {
            var shortIds = members.ToDictionary(i => i, i => ShortMachineId(nodes[i].MachineId));
            var idCounts = shortIds.Values.OfType<string>().CountBy(id => id, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase);
            var separated = members.Where(i => shortIds[i] is { } id && idCounts[id] == 1).ToHashSet();
            int next = 1;
            foreach (int i in members)
            {
                if (separated.Contains(i))
                {
                    names[i] = Unique($"{hosts[i]}-{shortIds[i]}", taken);
                    continue;
                }

                // Not even the machine id tells these apart: number them in input order, skipping names in use.
                string candidate = next == 1 ? hosts[i] : $"{hosts[i]}-{next.ToString(CultureInfo.InvariantCulture)}";
                while (taken.Contains(candidate))
                {
                    next++;
                    candidate = $"{hosts[i]}-{next.ToString(CultureInfo.InvariantCulture)}";
                }

                next++;
                names[i] = candidate;
                taken.Add(candidate);
            }
        }

        return nodes.Select((n, i) => new NodeIdentity
        {
            Name = names[i],
            Host = n.Host,
            MachineId = n.MachineId,
            GpuUuids = n.GpuUuids ?? [],
            Ranks = n.Ranks ?? [],
        }).ToList();
    }

    /// <summary>The text with every character outside <c>[A-Za-z0-9._-]</c> replaced by '-'; <c>node</c> when nothing usable is left (empty, "." or "..").</summary>
    public static string FolderSafe(string text)
    {
        var chars = new char[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            chars[i] = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-';
        }

        string safe = new(chars);
        return safe.Trim('.').Length == 0 ? "node" : safe;
    }

    private static string? ShortMachineId(string? machineId)
    {
        if (string.IsNullOrWhiteSpace(machineId))
        {
            return null;
        }

        string safe = FolderSafe(machineId.Trim()).ToLowerInvariant();
        return safe.Length <= MachineIdChars ? safe : safe[..MachineIdChars];
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        string candidate = name;
        for (int n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{name}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return candidate;
    }
}
