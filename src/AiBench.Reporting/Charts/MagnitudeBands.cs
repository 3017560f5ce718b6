namespace AiBench.Reporting.Charts;

/// <summary>
/// Splits a bar family whose figures lie far apart (HBM at 3 TB/s beside PCIe at 55 GB/s) into bands within
/// <see cref="Span"/> of each other: on one linear axis the small ones would be slivers with unreadable labels.
/// </summary>
internal static class MagnitudeBands
{
    public const double Span = 10;

    public static IEnumerable<List<SystemFigure>> Split(List<SystemFigure> family)
    {
        // A case's size is its largest median over the systems; cases stay whole, in their measured order.
        var caseSize = family.GroupBy(f => f.Measurement.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(f => Math.Abs(f.Measurement.Value)), StringComparer.Ordinal);
        var bands = new List<(double Top, HashSet<string> Keys)>();
        foreach ((string key, double size) in caseSize.OrderByDescending(c => c.Value))
        {
            if (bands.Count == 0 || size * Span < bands[^1].Top)
            {
                bands.Add((size, new HashSet<string>(StringComparer.Ordinal)));
            }

            bands[^1].Keys.Add(key);
        }

        return bands.Select(b => family.Where(f => b.Keys.Contains(f.Measurement.Key)).ToList());
    }
}
