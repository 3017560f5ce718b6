namespace AiBench.Benchmarks.Collectives;

/// <summary>
/// How much one call of a collective moves, counted exactly as nccl-tests counts it (src/&lt;coll&gt;.cu,
/// <c>*GetCollByteCount</c> and <c>*GetBw</c>): <see cref="Count"/> is the count passed to the call (per rank for
/// all-gather, reduce-scatter and all-to-all, rounded down to a 16-byte multiple), <see cref="AlgorithmBytes"/> is
/// S of algbw = S / t (the whole array), <see cref="DisplayBytes"/> the table's size column (max of send and receive).
/// </summary>
public readonly record struct CollectiveSize(
    long Count, long SendElements, long ReceiveElements, long AlgorithmBytes, long DisplayBytes, int ElementSize)
{
    public static CollectiveSize For(Collective collective, long requestedBytes, int elementSize, int ranks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requestedBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(ranks, 1);
        long count = requestedBytes / elementSize;
        long aligned = (count / ranks) & -(16 / elementSize);
        (long param, long send, long receive) = collective switch
        {
            Collective.AllReduce or Collective.Broadcast => (count, count, count),
            Collective.AllGather => (aligned, aligned, aligned * ranks),
            Collective.ReduceScatter => (aligned, aligned * ranks, aligned),
            _ => (aligned, aligned * ranks, aligned * ranks),
        };
        long algorithmBytes = collective is Collective.AllReduce or Collective.Broadcast
            ? param * elementSize
            : param * ranks * elementSize;
        return new CollectiveSize(param, send, receive, algorithmBytes, Math.Max(send, receive) * elementSize, elementSize);
    }
}

/// <summary>nccl-tests' bandwidths (doc/PERFORMANCE.md): algbw = S / t and busbw = algbw × a per-collective factor.</summary>
public static class CollectiveMath
{
    /// <summary>2(n−1)/n for all-reduce; (n−1)/n for all-gather, reduce-scatter and all-to-all; 1 for broadcast.</summary>
    public static double BusBandwidthFactor(Collective collective, int ranks) => collective switch
    {
        Collective.AllReduce => 2.0 * (ranks - 1) / ranks,
        Collective.Broadcast => 1.0,
        _ => (double)(ranks - 1) / ranks,
    };

    public static double AlgorithmBandwidth(long algorithmBytes, double seconds) => algorithmBytes / seconds;

    /// <summary>
    /// Why a job of <paramref name="ranks"/> ranks reports no algbw or busbw, or null when it does. On one rank
    /// nothing moves between ranks: in place an all-reduce is a no-op, so algbw is the cost of launching nothing
    /// (hundreds of TB/s) and busbw = algbw × 2(n−1)/n is 0; out of place it is a local copy, and broadcast's factor 1
    /// would present that copy as bus bandwidth. nccl-tests prints them anyway; AiBench reports time and the check.
    /// </summary>
    public static string? WhyNoBandwidth(int ranks) => ranks > 1
        ? null
        : "not reported on one rank: nothing moves between ranks (in place the operation is a no-op, out of place a local copy), "
            + "so algbw would be the cost of that and busbw 0 or meaningless; time and the check are reported";

    public static double BusBandwidth(Collective collective, int ranks, long algorithmBytes, double seconds) =>
        AlgorithmBandwidth(algorithmBytes, seconds) * BusBandwidthFactor(collective, ranks);

    /// <summary>nccl-tests' sweep: min, min × factor, … up to max (inclusive); max alone when min ≥ max.</summary>
    public static IReadOnlyList<long> Sizes(long minBytes, long maxBytes, double stepFactor)
    {
        if (minBytes < 0 || maxBytes < 0)
        {
            throw new Core.Errors.BadInputException("parameters 'minbytes' and 'maxbytes' must not be negative");
        }

        if (stepFactor <= 1)
        {
            throw new Core.Errors.BadInputException("parameter 'stepfactor' must be above 1");
        }

        var sizes = new List<long>();
        double size = Math.Max(minBytes, 1);
        while (size <= maxBytes * (1 + 1e-12))
        {
            if (sizes.Count == 4096)
            {
                throw new Core.Errors.BadInputException("the size sweep has more than 4096 sizes; raise 'stepfactor'");
            }

            sizes.Add((long)Math.Round(size));
            size *= stepFactor;
        }

        if (sizes.Count == 0)
        {
            sizes.Add(maxBytes);
        }

        return sizes;
    }
}
