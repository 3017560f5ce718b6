using AiBench.Core.Results;

namespace AiBench.Core.Suites;

/// <summary>
/// A typed, direction-aware check of a suite (no expression evaluation). A rule selects measurements of
/// its benchmark entry by <see cref="Metric"/> and <see cref="Where"/> (parameter values); a rule that
/// selects nothing fails, because a missing measurement is a failure, not a pass.
/// </summary>
public abstract record Rule
{
    /// <summary>Only measurements with this metric name; null = every metric of the entry.</summary>
    public string? Metric { get; init; }

    /// <summary>Only measurements whose parameters have these values (compared as text, case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Where { get; init; } = new Dictionary<string, string>();

    /// <summary>Human-readable rule text, e.g. <c>efficiency >= 0.70</c>.</summary>
    public abstract string Describe();

    public abstract RuleOutcome Evaluate(Measurement measurement, RuleContext context);

    public bool Selects(Measurement measurement) =>
        (Metric is null || string.Equals(Metric, measurement.Metric, StringComparison.OrdinalIgnoreCase))
        && Where.All(w => measurement.Params.TryGetValue(w.Key, out var v)
            && string.Equals(v.ToString(), w.Value, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The result of one rule on one measurement; <see cref="VerdictStatus.None"/> when it could not apply.</summary>
public sealed record RuleOutcome(VerdictStatus Status, string Detail);

/// <summary>What rules may compare against besides the measurement itself.</summary>
public sealed record RuleContext(Run? ReferenceRun);
