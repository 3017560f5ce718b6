using AiBench.Benchmarks.Collectives;
using AiBench.Core.Cluster;

namespace AiBench.Benchmarks.Cluster;

/// <summary>
/// The measurements between the two members of one pair; both call <see cref="Measure"/> with each other as peer.
/// One burst each way first (TCP windows open, connections exist, the burst time calibrates how many bursts make one
/// sample), then per sample: first → second alone, second → first alone, both at once, and the latency ping-pong —
/// interleaved, so a slow moment hits every figure rather than one.
/// </summary>
internal static unsafe class PairExchange
{
    private const int MaxBursts = 1_000_000;

    public static PairSamples Measure(MpiSession session, int peer, bool first, NodePair pair, PairBuffer buffer, PairSettings s, int round)
    {
        byte* memory = buffer.Pointer;
        double once = session.PairStream(peer, first, memory, s.Bytes, s.Window, 1);
        session.PairStream(peer, !first, memory, s.Bytes, s.Window, 1);
        int bursts = (int)Math.Clamp(Math.Ceiling(s.SampleTime.TotalSeconds / Math.Max(once, 1e-9)), 1, MaxBursts);
        bursts = session.PairMaximum(peer, bursts);
        double bytesPerSample = (double)s.Bytes * s.Window * bursts;
        var sent = new double[s.Samples];
        var both = new double[s.Samples];
        var latency = new double[s.Samples];
        for (int i = 0; i < s.Samples; i++)
        {
            double forward = session.PairStream(peer, first, memory, s.Bytes, s.Window, bursts);
            double backward = session.PairStream(peer, !first, memory, s.Bytes, s.Window, bursts);
            sent[i] = bytesPerSample / (first ? forward : backward);
            both[i] = 2 * bytesPerSample / session.PairBidirectional(peer, memory, s.Bytes, s.Window, bursts);
            latency[i] = session.PairPingPong(peer, memory, s.LatencyBytes, s.LatencyIterations);
        }

        int me = first ? pair.A : pair.B;
        int other = first ? pair.B : pair.A;
        return new PairSamples(me, other, round, sent, first ? both : null, first ? latency : null, bursts);
    }
}
