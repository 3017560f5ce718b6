using AiBench.Core.Measuring;

namespace AiBench.Benchmarks.Collectives;

/// <summary>One backend's way of running a collective: its buffers, its timed loop and its check.</summary>
internal interface ICollectiveRunner : IDisposable
{
    /// <summary>What carried the traffic as far as the backend knows ("MPI (btl tcp,self)", "NCCL P2P, NET/IB").</summary>
    string Transport { get; }

    /// <summary>The placements this backend measures for the collective (false = out-of-place, true = in-place).</summary>
    IReadOnlyList<bool> Placements(IReadOnlyList<bool> requested);

    SizeResult Measure(CollectiveSize size, bool inPlace, MeasurementPolicy policy, TimeSpan budget);

    /// <summary>Backend facts for the result's Info (library, version, device).</summary>
    IReadOnlyDictionary<string, string> Info { get; }
}

/// <summary>The stop rule shared by the backends.</summary>
internal static class RepetitionRule
{
    /// <summary>Rank 0's stop rule: the policy's minimum, then until precise enough, the maximum, or this size's share of the budget.</summary>
    public static bool WantsMore(IReadOnlyList<double> samples, MeasurementPolicy policy, TimeSpan elapsed, TimeSpan budget)
    {
        if (samples.Count < policy.MinSamples)
        {
            return true;
        }

        if (samples.Count >= policy.MaxSamples || elapsed >= budget)
        {
            return false;
        }

        return policy.TargetRelativeCi > 0
            && Core.Statistics.SampleStatisticsEstimator.Estimate([.. samples]).RelativeCiHalfWidth > policy.TargetRelativeCi;
    }
}
