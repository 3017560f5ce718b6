using AiBench.Benchmarks.Collectives;
using AiBench.Core.Cluster;

namespace AiBench.Benchmarks.Cluster;

/// <summary>
/// The measurements between the two members of one pair; both call <see cref="Measure"/> with each other as peer.
/// One burst each way first (connections exist, the burst time calibrates how many bursts make one sample), then
/// unmeasured half samples each way until the rates settle (<see cref="WarmUp"/>), then per sample: each direction alone, both at
/// once, and the latency ping-pong — interleaved, so a slow moment hits every figure rather than one. The two
/// directions swap places every sample: on shaped links the direction measured first after the previous sample's
/// bidirectional burst and ping-pong ran steadily slower (0.82–0.86 of the line rate against 0.93–0.95 the other way,
/// CI 2026-12-01), so a fixed order would charge that to one direction.
/// </summary>
internal static unsafe class PairExchange
{
    private const int MaxBursts = 1_000_000;

    /// <summary>At most this many unmeasured half samples each way before measuring.</summary>
    private const int MaxWarmRounds = 8;

    /// <summary>Rates this close count as the same when deciding that warm-up is over.</summary>
    private const double WarmTolerance = 0.03;

    public static PairSamples Measure(MpiSession session, int peer, bool first, NodePair pair, PairBuffer buffer, PairSettings s, int round)
    {
        byte* memory = buffer.Pointer;
        double once = session.PairStream(peer, first, memory, s.Bytes, s.Window, 1);
        session.PairStream(peer, !first, memory, s.Bytes, s.Window, 1);
        int bursts = (int)Math.Clamp(Math.Ceiling(s.SampleTime.TotalSeconds / Math.Max(once, 1e-9)), 1, MaxBursts);
        bursts = session.PairMaximum(peer, bursts);
        WarmUp(session, peer, first, memory, s, Math.Max(1, bursts / 2));
        double bytesPerSample = (double)s.Bytes * s.Window * bursts;
        var sent = new double[s.Samples];
        var both = new double[s.Samples];
        var latency = new double[s.Samples];
        for (int i = 0; i < s.Samples; i++)
        {
            // Both members take the same order (the same i), so each send meets its receive.
            bool forwardFirst = i % 2 == 0;
            double forward, backward;
            if (forwardFirst)
            {
                forward = session.PairStream(peer, first, memory, s.Bytes, s.Window, bursts);
                backward = session.PairStream(peer, !first, memory, s.Bytes, s.Window, bursts);
            }
            else
            {
                backward = session.PairStream(peer, !first, memory, s.Bytes, s.Window, bursts);
                forward = session.PairStream(peer, first, memory, s.Bytes, s.Window, bursts);
            }

            sent[i] = bytesPerSample / (first ? forward : backward);
            both[i] = 2 * bytesPerSample / session.PairBidirectional(peer, memory, s.Bytes, s.Window, bursts);
            latency[i] = session.PairPingPong(peer, memory, s.LatencyBytes, s.LatencyIterations);
        }

        int me = first ? pair.A : pair.B;
        int other = first ? pair.B : pair.A;
        return new PairSamples(me, other, round, sent, first ? both : null, first ? latency : null, bursts);
    }

    /// <summary>
    /// Unmeasured traffic each way until two consecutive rounds agree and reach the best rate seen, at most
    /// <see cref="MaxWarmRounds"/>: TCP past slow start, and a transient left by the phase before gone (the first round
    /// after the node checks ran 10–20% slow for its first seconds on shaped links, every pair of it at once). Both
    /// members decide together, so neither waits for a send the other will not make.
    /// </summary>
    private static void WarmUp(MpiSession session, int peer, bool first, byte* memory, PairSettings s, int bursts)
    {
        double previousForward = double.PositiveInfinity, previousBackward = double.PositiveInfinity;
        double bestForward = double.PositiveInfinity, bestBackward = double.PositiveInfinity;
        for (int round = 0; round < MaxWarmRounds; round++)
        {
            double forward = session.PairStream(peer, first, memory, s.Bytes, s.Window, bursts);
            double backward = session.PairStream(peer, !first, memory, s.Bytes, s.Window, bursts);
            (bestForward, bestBackward) = (Math.Min(bestForward, forward), Math.Min(bestBackward, backward));
            bool settled = round > 0 && Near(forward, previousForward) && Near(forward, bestForward)
                && Near(backward, previousBackward) && Near(backward, bestBackward);
            if (session.PairMaximum(peer, settled ? 0 : 1) == 0)
            {
                return;
            }

            (previousForward, previousBackward) = (forward, backward);
        }
    }

    private static bool Near(double seconds, double reference) => seconds <= reference * (1 + WarmTolerance);
}
