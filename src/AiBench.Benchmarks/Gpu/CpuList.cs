using System.Globalization;

namespace AiBench.Benchmarks.Gpu;

/// <summary>The kernel's cpulist format (<c>0-15,32-47</c>, as in sysfs <c>local_cpulist</c> and <c>nodeN/cpulist</c>).</summary>
internal static class CpuList
{
    /// <summary>The CPUs listed, ascending and distinct; empty for empty text; null when the text is not a cpulist.</summary>
    public static IReadOnlyList<int>? Parse(string text)
    {
        var cpus = new SortedSet<int>();
        foreach (string part in text.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] range = part.Split('-');
            if (range.Length is < 1 or > 2
                || !int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out int first)
                || !int.TryParse(range[^1], NumberStyles.None, CultureInfo.InvariantCulture, out int last)
                || last < first)
            {
                return null;
            }

            for (int cpu = first; cpu <= last; cpu++)
            {
                cpus.Add(cpu);
            }
        }

        return [.. cpus];
    }

    /// <summary>Back to the compact form: <c>0-3,8</c>.</summary>
    public static string Format(IReadOnlyList<int> cpus)
    {
        var parts = new List<string>();
        for (int i = 0; i < cpus.Count;)
        {
            int j = i;
            while (j + 1 < cpus.Count && cpus[j + 1] == cpus[j] + 1)
            {
                j++;
            }

            parts.Add(i == j
                ? cpus[i].ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{cpus[i]}-{cpus[j]}"));
            i = j + 1;
        }

        return string.Join(",", parts);
    }
}
