using System.Globalization;

namespace AiBench.Core.Hosts;

/// <summary>Parsers for the small one-fact files: <c>/proc/meminfo</c> and <c>/etc/os-release</c>.</summary>
internal static class HostTextParsers
{
    /// <summary>MemTotal of <c>/proc/meminfo</c> ("MemTotal:  24731708 kB") in bytes; 0 when absent.</summary>
    public static long ParseMemTotal(string? meminfo)
    {
        foreach (string line in (meminfo ?? string.Empty).Split('\n'))
        {
            if (!line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                continue;
            }

            string[] parts = line["MemTotal:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long kib))
            {
                return kib * 1024;
            }
        }

        return 0;
    }

    /// <summary>PRETTY_NAME of os-release (shell-style assignment, optionally quoted); null when absent.</summary>
    public static string? ParsePrettyName(string? osRelease)
    {
        foreach (string line in (osRelease ?? string.Empty).Split('\n'))
        {
            if (!line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            {
                continue;
            }

            string value = line["PRETTY_NAME=".Length..].Trim();
            if (value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            return value.Length == 0 ? null : value;
        }

        return null;
    }
}
