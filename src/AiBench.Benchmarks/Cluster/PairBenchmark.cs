using System.Globalization;
using System.Runtime.CompilerServices;
using AiBench.Benchmarks.Collectives;
using AiBench.Core.Benchmarks;
using AiBench.Core.Cluster;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.Cluster;

/// <summary>
/// Point-to-point bandwidth and latency between pairs of nodes, all pairs of a round at once: a round-robin tournament
/// (n−1 rounds for even n), ring neighbours, or K random peers per node, so no node is ever in two pairs at once. Per
/// pair: each direction alone (osu_bw: a window of non-blocking sends, then an ack), both directions at once
/// (osu_bibw, bytes of both directions summed) and small-message latency (osu_latency: half the round trip). The rank
/// that speaks for each node takes part; rank 0 collects every pair's samples over MPI and yields the figures,
/// labelled from/to with node host names.
/// </summary>
public sealed class PairBenchmark : IJobWideBenchmark
{
    /// <summary>Rank 0 waits this much longer than the pair timeout for the other pairs' samples.</summary>
    private static readonly TimeSpan CollectGrace = TimeSpan.FromSeconds(5);

    public string Id => PairMetrics.Benchmark;

    public string Title => "Node-pair bandwidth and latency (osu_bw, osu_bibw, osu_latency methods), round-robin pairs";

    public bool IsPairTest => true;

    public ParameterSchema Parameters { get; } = new(
        new ParameterDefinition("pairs", ParameterKind.Text, "all", "which pairs: all (round-robin, n-1 rounds), ring (neighbours), random:K (K peers per node)"),
        new ParameterDefinition("bytes", ParameterKind.Size, "1MiB", "message size of the bandwidth tests") { Unit = "B", Minimum = 1, Maximum = 1L << 30 },
        new ParameterDefinition("window", ParameterKind.Integer, "8", "messages in flight per burst (osu_bw's window)") { Minimum = 1, Maximum = 256 },
        new ParameterDefinition("sample-time", ParameterKind.Duration, "0.25s", "target duration of one bandwidth sample (bursts are repeated to reach it)") { Unit = "s", Minimum = 0.001 },
        new ParameterDefinition("samples", ParameterKind.Integer, "5", "samples of every figure per pair") { Minimum = 1, Maximum = 1000 },
        new ParameterDefinition("latency-bytes", ParameterKind.Size, "8", "message size of the latency test") { Unit = "B", Minimum = 0, Maximum = 1 << 20 },
        new ParameterDefinition("latency-iterations", ParameterKind.Integer, "1000", "round trips per latency sample") { Minimum = 1, Maximum = 10_000_000 },
        new ParameterDefinition("link-rate", ParameterKind.Text, "auto", "line rate per direction to judge pairs by: a rate (200mbit, 400gbit) or a link of the datasheet catalog (ib-ndr, roce-400, eth-100); auto = none"),
        new ParameterDefinition("order", ParameterKind.Choice, "rounds", "rounds: the pairs of a round at once; one-at-a-time: every pair alone (for comparison)")
        {
            AllowedValues = ["rounds", "one-at-a-time"],
        },
        new ParameterDefinition("seed", ParameterKind.Integer, "1", "seed of random:K") { Minimum = 0 },
        new ParameterDefinition("timeout", ParameterKind.Duration, "120s", "longest a round may take; a node that does not answer ends the run (exit 3)") { Unit = "s", Minimum = 0.1 });

    public Availability Probe(SystemInfo system) => MpiSession.Probe();

    public async IAsyncEnumerable<Measurement> RunAsync(BenchmarkContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        PairSettings settings = PairSettings.From(context.Case, context.Baselines);
        MpiSession session = MpiSession.Get();
        var nodes = PairNodes.Of(session.Hosts);
        IReadOnlyList<IReadOnlyList<NodePair>> rounds = PairSchedule.Plan(nodes.Count, settings.Selection, settings.Seed).Rounds;
        if (settings.OneAtATime)
        {
            rounds = [.. rounds.SelectMany(r => r).Select(p => (IReadOnlyList<NodePair>)[p])];
        }

        int myNode = nodes.NodeOf(session.Rank);
        using var buffer = new PairBuffer(2 * settings.Bytes);
        for (int round = 0; round < rounds.Count; round++)
        {
            IReadOnlyList<NodePair> pairs = rounds[round];
            context.Report($"{Id} round {round + 1}/{rounds.Count}: {string.Join(", ", pairs.Select(p => $"{nodes.Hosts[p.A]}↔{nodes.Hosts[p.B]}"))}");
            bool stop = await PairGuard.Run(session, $"{Id} round {round + 1} start", settings.Timeout,
                () => session.Agree(session.Rank == 0 && cancellationToken.IsCancellationRequested));
            if (stop)
            {
                throw new OperationCanceledException("rank 0 was interrupted");
            }

            NodePair? mine = myNode < 0 ? null : pairs.Cast<NodePair?>().FirstOrDefault(p => p!.Value.A == myNode || p!.Value.B == myNode);
            PairSamples? own = null;
            var started = DateTime.UtcNow;
            if (mine is { } pair)
            {
                bool first = pair.A == myNode;
                int peer = nodes.Leaders[first ? pair.B : pair.A];
                own = await PairGuard.Run(session, $"{Id} round {round + 1} {nodes.Hosts[pair.A]}↔{nodes.Hosts[pair.B]}", settings.Timeout,
                    () => PairExchange.Measure(session, peer, first, pair, buffer, settings, round));
                if (session.Rank != 0)
                {
                    byte[] payload = own.Encode();
                    await PairGuard.Run(session, $"{Id} round {round + 1} report", settings.Timeout, () =>
                    {
                        session.SendToRoot(payload, MessageTag.PairResults);
                        return true;
                    });
                }
            }

            if (session.Rank != 0)
            {
                continue;
            }

            // Rank 0: both members' samples of every pair of this round (its own without MPI).
            var collected = new List<PairSamples>();
            if (own is not null)
            {
                collected.Add(own);
            }

            int expected = pairs.Count * 2;
            DateTime deadline = DateTime.UtcNow + settings.Timeout + CollectGrace;
            while (collected.Count < expected)
            {
                if (session.TryReceive(MessageTag.PairResults) is { } message)
                {
                    collected.Add(PairSamples.Decode(message.Payload));
                    continue;
                }

                if (DateTime.UtcNow > deadline)
                {
                    string culprit = PairGuard.Culprits(session);
                    foreach (Measurement m in PairFigures.Of(collected, nodes, settings, context.Case.GetText("pairs")))
                    {
                        yield return m;
                    }

                    string why = $"{Id} round {round + 1}: samples of {expected - collected.Count} pair member(s) missing after {settings.Timeout.TotalSeconds:0} s; {culprit}";
                    session.MarkBroken(why);
                    throw new CouldNotRunException(why);
                }

                await Task.Delay(5, CancellationToken.None);
            }

            double roundSeconds = (DateTime.UtcNow - started).TotalSeconds;
            foreach (Measurement m in PairFigures.Of(collected, nodes, settings, context.Case.GetText("pairs"), roundSeconds))
            {
                yield return m;
            }
        }
    }
}
