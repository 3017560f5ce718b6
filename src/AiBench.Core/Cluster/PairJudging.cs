using System.Globalization;
using AiBench.Core.Fleet;
using AiBench.Core.Results;

namespace AiBench.Core.Cluster;

/// <summary>
/// Judges each planned pair against the fleet of pairs: its slower direction over the fleet's typical pair
/// (<see cref="ClusterJudgement.PairMinRatio"/>), over the line rate (<see cref="ClusterJudgement.PairMinLineRate"/>),
/// and its latency (robust z beyond <see cref="ClusterJudgement.ZThreshold"/> and at least
/// <see cref="ClusterJudgement.PairMaxLatencyRatio"/> times the fleet's).
/// </summary>
/// <remarks>
/// The fleet's typical pair is the median over nodes of each node's median pair, not the median of all pairs: a
/// slow node touches 2/n of all pairs — half of them at n = 4 — and would drag a plain median down until its own
/// pairs no longer looked slow; a node median is only moved by a node's own fault or by a majority of bad peers.
/// </remarks>
internal static class PairJudging
{
    public static List<JudgedPair> Judge(
        ClusterInput input, IReadOnlyDictionary<string, int> nodeIndex, IReadOnlySet<int> notAnswering, PairFigureIndex figures, ClusterJudgement judgement)
    {
        int n = input.Nodes.Count;
        // Without a stored plan (a cluster folder put together by hand) the measured pairs are the plan.
        IReadOnlyList<PlannedPair> planned = input.PairPlan.Count > 0 ? input.PairPlan
            : figures.MeasuredPairs().Select(p => new PlannedPair(input.Nodes[p.A].Identity.Name, input.Nodes[p.B].Identity.Name, 0)).ToList();
        var measured = planned.Select(p => Measure(p, nodeIndex, figures)).ToList();
        double bandwidthReference = TypicalPair(n, measured, m => m.Slower);
        (double latencyReference, RobustSpread latencySpread) = LatencyFleet(n, measured);

        var judged = new List<JudgedPair>(measured.Count);
        foreach (Measured m in measured)
        {
            PlannedPair plan = m.Plan;
            bool touchesSilentNode = notAnswering.Contains(m.A) || notAnswering.Contains(m.B);
            var result = new PairResult
            {
                A = plan.A,
                B = plan.B,
                Round = plan.Round,
                BandwidthAToB = m.AToB,
                BandwidthBToA = m.BToA,
                BidirectionalBandwidth = m.Bidirectional,
                Latency = m.Latency?.Value,
                Verdict = VerdictStatus.Pass,
            };

            if (m.A < 0 || m.B < 0)
            {
                judged.Add(Unjudged(m, result, $"{(m.A < 0 ? plan.A : plan.B)} is not a node of this cluster"));
                continue;
            }

            if (plan.Error is not null || !m.IsMeasured)
            {
                string reason = plan.Error
                    ?? (touchesSilentNode ? $"{(notAnswering.Contains(m.A) ? plan.A : plan.B)} did not answer" : "not measured");
                // An error of the pair's own (a refused connection) says something about its nodes or link; a pair
                // the phase never reached, or one with a node that stopped answering, does not.
                judged.Add(Unjudged(m, result, reason) with { Counted = plan.Error is not null && plan.Reached && !touchesSilentNode });
                continue;
            }

            double? ratio = m.Slower is { } slower && bandwidthReference > 0 ? slower / bandwidthReference : null;
            double? lineRatio = m.Slower is { } s && input.LineRate is > 0 ? s / input.LineRate.Value : null;
            double? latencyRatio = m.Latency is { } lat && latencyReference > 0 ? lat.Value / latencyReference : null;
            bool bandwidthFailed = ratio < judgement.PairMinRatio;
            bool lineRateFailed = judgement.PairMinLineRate is { } minLine && lineRatio < minLine;
            // Scheduling noise only ever adds latency: a pair fails only when even the low end of its own confidence
            // interval is beyond the limit, so one noisy pair on a busy host is not called a bad link.
            bool latencyFailed = m.Latency is { } l && latencyRatio >= judgement.PairMaxLatencyRatio
                && latencySpread.Z(l.Value) > judgement.ZThreshold
                && l.Value - l.HalfWidth >= judgement.PairMaxLatencyRatio * latencyReference;

            var reasons = new List<string>(3);
            if (bandwidthFailed)
            {
                reasons.Add(Text($"{ratio:0.00} of the pair median"));
            }

            if (lineRateFailed)
            {
                reasons.Add(Text($"{lineRatio:0.00} of the line rate"));
            }

            if (latencyFailed)
            {
                reasons.Add(Text($"latency {latencyRatio:0.0}× the pair median"));
            }

            judged.Add(new JudgedPair
            {
                Result = result with
                {
                    RatioToFleet = ratio,
                    RatioToLineRate = lineRatio,
                    Verdict = reasons.Count > 0 ? VerdictStatus.Fail : VerdictStatus.Pass,
                    Reason = reasons.Count > 0 ? string.Join("; ", reasons) : null,
                },
                A = m.A,
                B = m.B,
                Counted = !touchesSilentNode,
                BandwidthFailed = bandwidthFailed,
                LineRateFailed = lineRateFailed,
                LatencyFailed = latencyFailed,
                LatencyRatio = latencyRatio,
            });
        }

        return judged;
    }

    private static Measured Measure(PlannedPair plan, IReadOnlyDictionary<string, int> nodeIndex, PairFigureIndex figures)
    {
        int a = nodeIndex.GetValueOrDefault(plan.A, -1);
        int b = nodeIndex.GetValueOrDefault(plan.B, -1);
        if (a < 0 || b < 0)
        {
            return new Measured(plan, a, b, null, null, null, null);
        }

        return new Measured(plan, a, b,
            figures.Get(a, b, PairFigureKind.Bandwidth)?.Value,
            figures.Get(b, a, PairFigureKind.Bandwidth)?.Value,
            figures.GetEither(a, b, PairFigureKind.BidirectionalBandwidth)?.Value,
            figures.GetEither(a, b, PairFigureKind.Latency));
    }

    private static JudgedPair Unjudged(Measured m, PairResult result, string reason) => new()
    {
        Result = result with { Verdict = VerdictStatus.Error, Reason = reason },
        A = m.A,
        B = m.B,
    };

    /// <summary>The median over nodes of each node's median figure among its measured pairs (NaN when none).</summary>
    private static double TypicalPair(int n, List<Measured> pairs, Func<Measured, double?> figure)
    {
        var perNode = new List<double>?[n];
        foreach (Measured m in pairs)
        {
            if (m.Plan.Error is null && m.A >= 0 && m.B >= 0 && figure(m) is { } value)
            {
                (perNode[m.A] ??= []).Add(value);
                (perNode[m.B] ??= []).Add(value);
            }
        }

        double[] medians = perNode.OfType<List<double>>().Select(values => RobustSpread.MedianOf(values.ToArray())).ToArray();
        return RobustSpread.MedianOf(medians);
    }

    /// <summary>The typical latency, and a spread for z-scores: node medians' MAD, floored by the pairs' own CI half-widths.</summary>
    private static (double Reference, RobustSpread Spread) LatencyFleet(int n, List<Measured> pairs)
    {
        var latencies = pairs.Where(m => m.Plan.Error is null && m.Latency is not null).ToList();
        if (latencies.Count == 0)
        {
            return (double.NaN, default);
        }

        var perNode = new List<double>?[n];
        foreach (Measured m in latencies)
        {
            (perNode[m.A] ??= []).Add(m.Latency!.Value.Value);
            (perNode[m.B] ??= []).Add(m.Latency!.Value.Value);
        }

        double[] medians = perNode.OfType<List<double>>().Select(values => RobustSpread.MedianOf(values.ToArray())).ToArray();
        RobustSpread spread = RobustSpread.Linear(medians, latencies.Select(m => m.Latency!.Value.HalfWidth).ToArray());
        return (spread.Median, spread);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A planned pair's figures as measured; the slower direction is what a job talking over the pair gets.</summary>
    private sealed record Measured(PlannedPair Plan, int A, int B, double? AToB, double? BToA, double? Bidirectional, PairFigureValue? Latency)
    {
        public bool IsMeasured => AToB is not null || BToA is not null || Bidirectional is not null || Latency is not null;

        public double? Slower => AToB is { } ab ? (BToA is { } ba ? Math.Min(ab, ba) : ab) : BToA;
    }
}
