using AiBench.Core.Statistics;
using Pragmastat;

namespace AiBench.Core.Comparing;

/// <summary>
/// How much a run's samples scatter, relative to their level: Pragmastat's <c>Spread</c> (the Shamos estimator, the
/// median of pairwise absolute differences) over the absolute <c>Center</c> (Hodges-Lehmann). Robust, so one stalled sample does not
/// inflate it; 0 for fewer than two samples or a zero median. Over the finite samples (<see cref="UsableSamples"/>);
/// a spread too large for its centre to divide (a centre near zero) is 0 as well, like a zero centre.
/// </summary>
public static class SampleNoise
{
    public static double Relative(IReadOnlyList<double> samples)
    {
        samples = UsableSamples.Finite(samples);
        if (samples.Count < 2)
        {
            return 0;
        }

        var sample = new Sample(samples.ToArray());
        double center = Math.Abs(Toolkit.Center(sample).NominalValue);
        return center == 0 ? 0 : UsableSamples.IfFinite(Toolkit.Spread(sample).NominalValue / center) ?? 0;
    }
}
