using AiBench.Core.Comparing;
using AiBench.Core.Errors;
using AiBench.Core.Results;

namespace AiBench.Cli.Commands;

/// <summary>
/// compare and gate need figures both runs hold: a base of another suite, or a run whose every case failed, shares
/// none, and a comparison of nothing passed the gate with exit 0. Refused as bad input instead.
/// </summary>
internal static class SharedMeasurements
{
    public static RunComparison Require(RunComparison comparison, Run before, Run after, string verb) =>
        comparison.Measurements.Count > 0
            ? comparison
            : throw new BadInputException($"runs {before.RunId} ({before.Measurements.Count} measurements) and {after.RunId} ({after.Measurements.Count}) "
                + $"share no measurement (benchmark, metric, parameters and labels): nothing to {verb}; give a base of the same suite");
}
