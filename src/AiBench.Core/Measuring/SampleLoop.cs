using System.Diagnostics;

namespace AiBench.Core.Measuring;

/// <summary>
/// The measurement engine: warms up, then calls a sampling function until the policy says stop. The
/// function does the timed work itself (with the right clock: CUDA events on a GPU, a monotonic clock
/// on a CPU) and returns one sample in the metric's unit. With a precision target, a pilot sizes the sample
/// and the sample is then measured fresh at that size (<see cref="SampleSizePlan"/>); without one, the maximum.
/// The loop allocates nothing per sample. A cancellation keeps the samples already taken (the caller records
/// them with <see cref="StopReason.Cancelled"/>); only a case cancelled before its first sample throws.
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

        int measured = 0;
        double[] pilot = [];
        int planned = policy.MaxSamples;
        if (SampleSizePlan.UsesPilot(policy))
        {
            (pilot, StopReason? pilotStop) = Measure(SampleSizePlan.PilotSamples);
            if (pilotStop is { } stop)
            {
                // The clock or the user ended the case during the pilot: its samples are all there is.
                return Kept(new SampleSeries(pilot, warmups, stop, Stopwatch.GetElapsedTime(started)), cancellationToken);
            }

            planned = SampleSizePlan.FromPilot(pilot, policy);
        }

        (double[] samples, StopReason? early) = Measure(planned);
        if (early is not null && pilot.Length > 0)
        {
            // Stopped by the clock or the user, not by the samples' values: the pilot's samples add to the figure
            // without the selection that would come from keeping them only when they happened to bunch.
            samples = [.. pilot, .. samples];
            pilot = [];
        }

        StopReason reason = early ?? (pilot.Length > 0 ? StopReason.PlannedSamples : StopReason.MaxSamples);
        return Kept(new SampleSeries(samples, warmups, reason, Stopwatch.GetElapsedTime(started)) { PilotSamples = pilot }, cancellationToken);

        // Up to count samples; fewer (and why) when cancelled or over budget, but at least one, even over budget.
        (double[] Samples, StopReason? Early) Measure(int count)
        {
            var taken = new double[count];
            int n = 0;
            StopReason? stop = null;
            while (n < count)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    stop = StopReason.Cancelled;
                    break;
                }

                if ((n > 0 || measured > 0) && OverBudget())
                {
                    stop = StopReason.Budget;
                    break;
                }

                taken[n++] = measureOnce();
                progress?.Report(++measured);
            }

            Array.Resize(ref taken, n);
            return (taken, stop);
        }
    }

    /// <summary>A series is kept whatever stopped it, unless a cancellation left it without a single sample.</summary>
    private static SampleSeries Kept(SampleSeries series, CancellationToken cancellationToken)
    {
        if (series.Samples.Length == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return series;
    }
}
