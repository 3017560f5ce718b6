namespace AiBench.Reporting.Environment;

/// <summary>One fact across the systems of a page; <see cref="Differs"/> when two systems recorded different values.</summary>
public sealed record EnvironmentRow(string Fact, IReadOnlyList<string?> Values)
{
    public bool Differs => Values.Where(v => v is not null).Distinct(StringComparer.Ordinal).Count() > 1;

    /// <summary>The value most systems share (the first system's on a tie): the one others are marked against.</summary>
    public string? Usual => Values.Where(v => v is not null).GroupBy(v => v, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
}
