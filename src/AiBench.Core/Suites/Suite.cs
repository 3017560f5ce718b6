using AiBench.Core.Measuring;

namespace AiBench.Core.Suites;

/// <summary>A named set of benchmarks with parameters and rules, read from YAML by <see cref="SuiteParser"/>.</summary>
public sealed record Suite(string Name, string? Description, MeasurementPolicy Policy, IReadOnlyList<SuiteEntry> Entries)
{
    /// <summary>Set when the suite is a cluster suite (a <c>cluster:</c> section): run on every node of a launched job.</summary>
    public ClusterPolicy? Cluster { get; init; }
}

/// <summary>One benchmark of a suite: its settings (values may be sweeps), whether the suite needs it, and its rules.</summary>
public sealed record SuiteEntry(
    string BenchmarkId, IReadOnlyDictionary<string, string> Settings, bool Required, IReadOnlyList<Rule> Rules);
