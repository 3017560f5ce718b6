using System.Diagnostics;
using AiBench.Core.Statistics;

namespace AiBench.Core.Measuring;

/// <summary>
/// The measurement engine: warms up, then calls a sampling function until the policy says stop. The
/// function does the timed work itself (with the right clock: CUDA events on a GPU, a monotonic clock
/// on a CPU) and returns one sample in the metric's unit. The loop allocates nothing per sample.
/// </summary>
public static class SampleLoop
{
    public static SampleSeries Run(
        MeasurementPolicy policy, Func<double> measureOnce, CancellationToken cancellationToken, IProgress<int>? progress = null)
    {
        policy.Validate();
        long started = Stopwatch.GetTimestamp();
        long budgetTicks = (long)(policy.CaseBudget.TotalSeconds * Stopwatch.Frequency);
        long warmupTicks = (long)(policy.WarmupTime.TotalSeconds * Stopwatch.Frequency);
        bool OverBudget() => Stopwatch.GetTimestamp() - started >= budgetTicks;

        int warmups = 0;
        while (warmups < policy.WarmupCount || Stopwatch.GetTimestamp() - started < warmupTicks)
        {
            if (cancellationToken.IsCancellationRequested || OverBudget())
            {
                break;
            }

            measureOnce();
            warmups++;
        }

        var samples = new double[policy.MaxSamples];
        int n = 0;
        int nextPrecisionCheck = policy.MinSamples;
        StopReason reason = StopReason.MaxSamples;
        while (n < policy.MaxSamples)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                reason = StopReason.Cancelled;
                break;
            }

            // At least one sample, even over budget, so every case yields a figure.
            if (n > 0 && OverBudget())
            {
                reason = StopReason.Budget;
                break;
            }

            samples[n++] = measureOnce();
            progress?.Report(n);
            if (n >= nextPrecisionCheck)
            {
                // A Harrell-Davis CI costs O(n); checking at 25% growth keeps the total near-linear in n.
                nextPrecisionCheck = n + Math.Max(1, n / 4);
                if (policy.TargetRelativeCi > 0 && SampleStatisticsEstimator.Estimate(new ArraySegment<double>(samples, 0, n))
                        .RelativeCiHalfWidth <= policy.TargetRelativeCi)
                {
                    reason = StopReason.TargetPrecision;
                    break;
                }
            }
        }

        Array.Resize(ref samples, n);
        return new SampleSeries(samples, warmups, reason, Stopwatch.GetElapsedTime(started));
    }
}
