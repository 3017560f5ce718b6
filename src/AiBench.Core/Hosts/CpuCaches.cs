using System.Globalization;

namespace AiBench.Core.Hosts;

/// <summary>One cache as a CPU sees it (<c>/sys/devices/system/cpu/cpuN/cache/indexM</c>).</summary>
internal sealed record CacheEntry(int Level, string Type, long SizeBytes, string SharedCpuList);

/// <summary>The cache sizes SystemInfo records.</summary>
internal sealed record CacheSummary(long L2Bytes, long LastLevelBytes);

/// <summary>Reads the CPU cache hierarchy from sysfs and sums the last level over its instances.</summary>
internal static class CpuCaches
{
    public static CacheSummary Read(HostFiles files)
    {
        const string cpuRoot = "/sys/devices/system/cpu";
        var entries = new List<CacheEntry>();
        foreach (string cpu in files.ListNames(cpuRoot).Where(IsCpuDirectory))
        {
            string cacheRoot = $"{cpuRoot}/{cpu}/cache";
            foreach (string index in files.ListNames(cacheRoot).Where(n => n.StartsWith("index", StringComparison.Ordinal)))
            {
                string dir = $"{cacheRoot}/{index}";
                if (files.ReadInt64($"{dir}/level") is { } level && ParseSize(files.ReadLine($"{dir}/size")) is { } size)
                {
                    entries.Add(new CacheEntry(
                        (int)level, files.ReadLine($"{dir}/type") ?? "Unified", size, files.ReadLine($"{dir}/shared_cpu_list") ?? cpu));
                }
            }
        }

        return Summarise(entries);
    }

    /// <summary>
    /// L2 is the size of one instance (what one core owns); the last level is the highest data or unified level,
    /// one instance's size times the number of distinct instances (CPU sets sharing it): a two-socket machine
    /// with 32 MiB per socket has 64 MiB of last-level cache.
    /// </summary>
    public static CacheSummary Summarise(IEnumerable<CacheEntry> entries)
    {
        List<CacheEntry> dataCaches = entries.Where(e => e.Type is "Data" or "Unified").ToList();
        long l2 = dataCaches.Where(e => e.Level == 2).Select(e => e.SizeBytes).DefaultIfEmpty(0).Max();
        if (dataCaches.Count == 0)
        {
            return new CacheSummary(l2, 0);
        }

        int lastLevel = dataCaches.Max(e => e.Level);
        long lastLevelTotal = dataCaches
            .Where(e => e.Level == lastLevel)
            .DistinctBy(e => e.SharedCpuList, StringComparer.Ordinal)
            .Sum(e => e.SizeBytes);
        return new CacheSummary(l2, lastLevelTotal);
    }

    /// <summary>Parses sysfs cache sizes: <c>48K</c>, <c>2048K</c>, <c>32M</c>; null when unreadable.</summary>
    public static long? ParseSize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string s = text.Trim();
        long multiplier = char.ToUpperInvariant(s[^1]) switch
        {
            'K' => 1L << 10,
            'M' => 1L << 20,
            'G' => 1L << 30,
            _ => 1,
        };
        string digits = multiplier == 1 ? s : s[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n * multiplier : null;
    }

    private static bool IsCpuDirectory(string name) =>
        name.Length > 3 && name.StartsWith("cpu", StringComparison.Ordinal) && name[3..].All(char.IsAsciiDigit);
}
