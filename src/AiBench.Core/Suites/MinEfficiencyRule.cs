using System.Globalization;
using AiBench.Core.Results;

namespace AiBench.Core.Suites;

/// <summary><c>min_efficiency: 0.75</c> — measured / vendor peak must be at least this. No known peak fails the rule.</summary>
public sealed record MinEfficiencyRule(double Minimum) : Rule
{
    public override string Describe() => $"efficiency >= {Minimum.ToString("0.###", CultureInfo.InvariantCulture)}";

    public override RuleOutcome Evaluate(Measurement measurement, RuleContext context)
    {
        if (measurement.Baseline is not { } baseline)
        {
            return new RuleOutcome(VerdictStatus.Fail, "no vendor baseline for this device (name a SKU with --sku)");
        }

        bool pass = baseline.Efficiency >= Minimum;
        return new RuleOutcome(
            pass ? VerdictStatus.Pass : VerdictStatus.Fail,
            string.Create(CultureInfo.InvariantCulture, $"{baseline.Efficiency:P1} of {baseline.Source} peak"));
    }
}
