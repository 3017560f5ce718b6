using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Comparison;

/// <summary>
/// Whether a figure changed between two runs, from the raw samples (<see cref="SampleComparer"/>): a Mann–Whitney
/// test at α = 0.05 with a <see cref="Threshold"/> equivalence margin, so overlapping runs (−0.6%) stay uncoloured
/// while a real loss (−25.6%) is red.
/// </summary>
public static class ChangeTest
{
    /// <summary>Changes smaller than 2% are not called, however many samples back them.</summary>
    public const double Threshold = 0.02;

    public static string Description { get; } =
        $"Change: median against the first run that has the figure. Coloured only when significant: Mann–Whitney U test on the raw samples "
        + $"(Perfolizer, α = 0.05) with a {InvariantNumber.Percent(Threshold, "0")} equivalence threshold; with fewer than 3 samples on a side, "
        + $"the medians against {InvariantNumber.Percent(Threshold, "0")}. n.s.: no significant change. % of peak: the median over the datasheet peak.";

    public static ChangeVerdict? Of(Measurement reference, Measurement candidate) =>
        reference.Samples.Count == 0 || candidate.Samples.Count == 0
            ? null
            : SampleComparer.Compare(reference.Samples, candidate.Samples, candidate.Better, Threshold).Verdict;
}
