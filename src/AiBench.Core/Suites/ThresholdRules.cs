using AiBench.Core.Results;
using AiBench.Core.Units;

namespace AiBench.Core.Suites;

/// <summary><c>min: 400 GB/s</c> — the median must be at least this (a bare number is in the metric's unit).</summary>
public sealed record MinRule(Quantity Threshold) : Rule
{
    public override string Describe() => $"{Metric ?? "value"} >= {Threshold}";

    public override RuleOutcome Evaluate(Measurement measurement, RuleContext context) =>
        ThresholdCheck.Compare(measurement, Threshold, atLeast: true);
}

/// <summary><c>max: 50us</c> — the median must be at most this.</summary>
public sealed record MaxRule(Quantity Threshold) : Rule
{
    public override string Describe() => $"{Metric ?? "value"} <= {Threshold}";

    public override RuleOutcome Evaluate(Measurement measurement, RuleContext context) =>
        ThresholdCheck.Compare(measurement, Threshold, atLeast: false);
}

internal static class ThresholdCheck
{
    public static RuleOutcome Compare(Measurement measurement, Quantity threshold, bool atLeast)
    {
        if (threshold.Unit is { } unit && unit != measurement.Unit)
        {
            return new RuleOutcome(VerdictStatus.Fail, $"rule unit {unit} does not match the measurement's unit {measurement.Unit}");
        }

        double value = measurement.Value;
        bool pass = atLeast ? value >= threshold.Value : value <= threshold.Value;
        string shown = UnitFormatter.Format(value, measurement.Unit);
        string limit = UnitFormatter.Format(threshold.Value, measurement.Unit);
        return new RuleOutcome(pass ? VerdictStatus.Pass : VerdictStatus.Fail, $"{shown} {(atLeast ? ">=" : "<=")} {limit}: {(pass ? "yes" : "no")}");
    }
}
