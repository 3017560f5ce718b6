using System.Collections.Concurrent;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// Throughput per segment while the load runs, for settling and the progress line: each completed request's
/// bytes (or its one operation) spread over its duration, as the final analysis does, so a segment does not jump
/// with how many large objects happened to complete in it. A segment is final once no request still in flight can
/// reach back into it: older than the longest request seen so far, plus one segment.
/// </summary>
public sealed class LiveSegments(long windowStart, long segmentTicks, bool byBytes)
{
    private readonly ConcurrentQueue<RequestRecord> _completed = new();
    private readonly List<double> _amounts = [];
    private long _longestTicks;

    /// <summary>Bytes per second when the mix moves data, else operations per second.</summary>
    public bool ByBytes => byBytes;

    /// <summary>Called by workers for every request that succeeded.</summary>
    public void Add(RequestRecord record) => _completed.Enqueue(record);

    /// <summary>Takes in what completed since the last call (the monitor's thread only).</summary>
    public void Drain()
    {
        while (_completed.TryDequeue(out RequestRecord r))
        {
            _longestTicks = Math.Max(_longestTicks, r.DurationTicks);
            double amount = byBytes ? r.Bytes : 1;
            foreach ((long segmentIndex, double share) in SegmentShares.Of(r, windowStart, long.MaxValue, segmentTicks))
            {
                while (_amounts.Count <= segmentIndex)
                {
                    _amounts.Add(0);
                }

                _amounts[(int)segmentIndex] += amount * share;
            }
        }
    }

    /// <summary>Rates (per second) of the segments that are final at <paramref name="now"/>, oldest first.</summary>
    public IReadOnlyList<double> Final(long now)
    {
        long finalUpTo = (now - _longestTicks - windowStart) / segmentTicks - 1;
        double seconds = segmentTicks / (double)System.Diagnostics.Stopwatch.Frequency;
        return Enumerable.Range(0, (int)Math.Clamp(finalUpTo, 0, int.MaxValue))
            .Select(s => (s < _amounts.Count ? _amounts[s] : 0) / seconds)
            .ToList();
    }
}
