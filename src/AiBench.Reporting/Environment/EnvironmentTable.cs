using AiBench.Reporting.Systems;

namespace AiBench.Reporting.Environment;

/// <summary>The environment of every system of a page, fact by fact; facts no system recorded are left out.</summary>
public sealed record EnvironmentTable(IReadOnlyList<ReportedSystem> Systems, IReadOnlyList<EnvironmentRow> Rows)
{
    public static EnvironmentTable Build(IReadOnlyList<ReportedSystem> systems)
    {
        List<IReadOnlyList<string?>> facts = systems.Select(s => EnvironmentFacts.Of(s.Run)).ToList();
        List<EnvironmentRow> rows = EnvironmentFacts.Names
            .Select((name, i) => new EnvironmentRow(name, facts.Select(f => f[i]).ToList()))
            .Where(r => r.Values.Any(v => v is not null))
            .ToList();
        return new EnvironmentTable(systems, rows);
    }
}
