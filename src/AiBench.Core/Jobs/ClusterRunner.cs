using System.Diagnostics;
using System.Globalization;
using AiBench.Core.Cluster;
using AiBench.Core.Errors;
using AiBench.Core.Results;
using AiBench.Core.Running;

namespace AiBench.Core.Jobs;

/// <summary>
/// Runs a cluster suite on every rank of a launched job. Phase 1: the rank that speaks for each node runs the node
/// checks at the same time as the others and sends its run to rank 0 (compressed, over MPI: no shared file system).
/// Phase 2: node pairs, round by round. Phase 3: collectives across every rank. Rank 0 decides between phases whether
/// to go on, names nodes that stopped answering (heartbeats), writes every node's run, each phase's run and the
/// cluster verdict. Every wait is bounded: a hung node ends the run with exit 3 and whatever was measured.
/// </summary>
public sealed class ClusterRunner(IClusterJob job, ClusterRunRequest request, IClusterOutput? output, TextWriter errors)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly List<ClusterPhase> _phases = [];

    public async Task<ClusterOutcome> RunAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset started = DateTimeOffset.UtcNow;
        bool root = job.Rank == 0;
        if (root && output is null)
        {
            throw new InvalidOperationException("rank 0 needs an output for the cluster run");
        }

        Say($"cluster {request.ClusterId}: {job.NodeLeaders.Count} node(s), {job.Size} rank(s), launcher {job.Launcher}");
        NodePhaseResult nodes = await RunNodePhaseAsync(cancellationToken);
        Run? pairs = null;
        Run? collectives = null;
        bool goOn = await AgreeAsync(root && nodes.AllAnswered && !cancellationToken.IsCancellationRequested);
        if (goOn && request.PairPlan is { } pairPlan && job.NodeLeaders.Count > 1)
        {
            pairs = await RunJobWidePhaseAsync(ClusterPhaseKind.Pairs, pairPlan, cancellationToken);
            goOn = job.Abandoned is null && await AgreeAsync(root && !cancellationToken.IsCancellationRequested);
        }
        else
        {
            Skip(ClusterPhaseKind.Pairs, request.JobWidePhasesSkipped
                ?? (job.NodeLeaders.Count < 2 ? "one node: no pairs" : request.PairPlan is null ? "not in the suite" : "an earlier phase did not complete"));
        }

        if (goOn && request.CollectivePlan is { } collectivePlan)
        {
            collectives = await RunJobWidePhaseAsync(ClusterPhaseKind.Collectives, collectivePlan, cancellationToken);
        }
        else
        {
            Skip(ClusterPhaseKind.Collectives, request.JobWidePhasesSkipped
                ?? (request.CollectivePlan is null ? "not in the suite" : "an earlier phase did not complete"));
        }

        if (!root)
        {
            return new ClusterOutcome(job.Abandoned is not null ? ExitCode.CouldNotRun
                : cancellationToken.IsCancellationRequested ? ExitCode.Interrupted : ExitCode.Pass, null);
        }

        List<NodeInput> nodeInputs = nodes.Nodes;
        if (job.Abandoned is not null)
        {
            // A rank fell silent during a later phase: name its node.
            nodeInputs = MarkSilentNodes(nodeInputs, "during the " + _phases.LastOrDefault(p => p.Status != ClusterPhaseStatus.Skipped)?.Kind.ToString().ToLowerInvariant() + " phase");
        }

        var input = new ClusterInput
        {
            ClusterId = request.ClusterId,
            Tool = request.RunOptions.Tool,
            CommandLine = request.RunOptions.CommandLine,
            Launcher = job.Launcher,
            Ranks = job.Size,
            StartedAt = started,
            FinishedAt = DateTimeOffset.UtcNow,
            Phases = _phases,
            Nodes = nodeInputs,
            Pairs = pairs,
            PairPlan = PlanPairs(nodeInputs, pairs),
            Collectives = collectives,
            LineRate = request.LineRate ?? pairs?.Measurements.FirstOrDefault(m => m.Metric == PairMetrics.Bandwidth && m.Baseline is not null)?.Baseline!.Value,
        };
        var judgement = new ClusterJudgement
        {
            ZThreshold = request.Policy.FleetZ,
            MinDeviation = request.Policy.FleetMinDeviation,
            PairMinRatio = request.Policy.PairMinRatio,
            PairMinLineRate = request.Policy.PairMinLineRate,
            PairMaxLatencyRatio = request.Policy.PairMaxLatencyRatio,
            FleetIgnore = request.Policy.FleetIgnore,
        };
        ClusterResult result = ClusterAnalyzer.Analyze(input, judgement);
        output!.WriteCluster(result);
        if (cancellationToken.IsCancellationRequested)
        {
            return new ClusterOutcome(ExitCode.Interrupted, result);
        }

        bool incomplete = result.Status != RunStatus.Complete || job.Abandoned is not null
            || _phases.Any(p => p.Status is ClusterPhaseStatus.Failed or ClusterPhaseStatus.Partial);
        ExitCode code = incomplete ? ExitCode.CouldNotRun
            : result.Verdict == VerdictStatus.Pass ? ExitCode.Pass
            : result.Verdict == VerdictStatus.Fail ? ExitCode.PerformanceFailure
            : ExitCode.CouldNotRun;
        return new ClusterOutcome(code, result);
    }

    private sealed record NodePhaseResult(List<NodeInput> Nodes, bool AllAnswered);

    private async Task<NodePhaseResult> RunNodePhaseAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Say($"phase 1/3: node checks on {job.NodeLeaders.Count} node(s) ({request.NodePlan.TotalCases} case(s) each)");
        Task<Run>? own = job.IsNodeLeader() ? Task.Run(() => RunNodeSuiteAsync(cancellationToken), cancellationToken) : null;
        if (job.Rank != 0)
        {
            if (own is not null)
            {
                Run run = await own;
                byte[] payload = NodeResultCodec.Encode(run);
                await Bounded(() => job.SendToRoot(payload), request.Policy.NodeTimeout + request.Policy.Silence, "sending this node's results to rank 0");
            }

            return new NodePhaseResult([], true);
        }

        var received = new Dictionary<int, byte[]>();
        var silent = new Dictionary<int, string>();
        var expected = job.NodeLeaders.Where(r => r != 0).ToHashSet();
        DateTime deadline = DateTime.UtcNow + request.Policy.NodeTimeout;
        double gatherSeconds = 0;
        while (received.Count + silent.Count < expected.Count && !cancellationToken.IsCancellationRequested)
        {
            var receiving = Stopwatch.StartNew();
            while (job.TryReceive() is { } message)
            {
                if (expected.Contains(message.Source) && !received.ContainsKey(message.Source))
                {
                    received[message.Source] = message.Payload;
                    Say($"{job.Hosts[message.Source]} reported ({received.Count + 1} of {job.NodeLeaders.Count}, {message.Payload.Length / 1024.0:0.#} KiB)");
                }
            }

            gatherSeconds += receiving.Elapsed.TotalSeconds;
            IReadOnlyList<TimeSpan> silence = job.Silence();
            foreach (int rank in expected.Where(r => !received.ContainsKey(r) && !silent.ContainsKey(r)))
            {
                if (silence[rank] > request.Policy.Silence)
                {
                    silent[rank] = $"{job.Hosts[rank]} (rank {rank}) did not answer for {silence[rank].TotalSeconds:0} s during the node checks: hung, stopped or dead";
                    Say(silent[rank]);
                }
                else if (DateTime.UtcNow > deadline)
                {
                    silent[rank] = $"{job.Hosts[rank]} (rank {rank}) sent no results within the node timeout of {request.Policy.NodeTimeout.TotalSeconds:0} s";
                    Say(silent[rank]);
                }
            }

            await Task.Delay(PollInterval, CancellationToken.None);
        }

        Run? ownRun = own is null ? null : await own;
        var inputs = new List<NodeInput>();
        var decodeClock = Stopwatch.StartNew();
        var runs = new Dictionary<int, Run>();
        if (ownRun is not null)
        {
            runs[0] = ownRun;
        }

        foreach ((int rank, byte[] payload) in received)
        {
            runs[rank] = NodeResultCodec.Decode(payload, $"results of rank {rank} on {job.Hosts[rank]}");
        }

        gatherSeconds += decodeClock.Elapsed.TotalSeconds;
        // A node that sent no run is known only by its MPI host name.
        IReadOnlyList<NodeIdentity> identities = NodeIdentities.Assign(job.NodeLeaders.Select(rank =>
            (runs.TryGetValue(rank, out Run? run) ? NodeDescription.Of(run) : new NodeDescription(job.Hosts[rank])) with
            {
                Ranks = [.. Enumerable.Range(0, job.Size).Where(x => job.Hosts[x] == job.Hosts[rank])],
            }).ToList());
        for (int i = 0; i < job.NodeLeaders.Count; i++)
        {
            int rank = job.NodeLeaders[i];
            NodeIdentity identity = identities[i];
            if (runs.TryGetValue(rank, out Run? run))
            {
                string folder = output!.WriteNode(identity.Name, run);
                inputs.Add(new NodeInput(identity, NodeState.Answered, run, folder));
            }
            else
            {
                inputs.Add(new NodeInput(identity, NodeState.NotAnswering, null, null,
                    silent.GetValueOrDefault(rank) ?? $"{job.Hosts[rank]} (rank {rank}) sent no results (interrupted)"));
            }
        }

        bool all = silent.Count == 0 && received.Count == expected.Count;
        if (silent.Count > 0)
        {
            job.Abandon(string.Join("; ", silent.Values));
        }

        _phases.Add(new ClusterPhase
        {
            Kind = ClusterPhaseKind.Nodes,
            Status = all && !cancellationToken.IsCancellationRequested ? ClusterPhaseStatus.Complete : ClusterPhaseStatus.Partial,
            Seconds = clock.Elapsed.TotalSeconds,
            Folder = "nodes",
            Detail = string.Create(CultureInfo.InvariantCulture,
                $"{runs.Count} of {job.NodeLeaders.Count} node(s) reported; receiving and decoding on rank 0 took {gatherSeconds:0.000} s"),
        });
        return new NodePhaseResult(inputs, all);
    }

    private async Task<Run> RunNodeSuiteAsync(CancellationToken cancellationToken)
    {
        RunOptions options = request.RunOptions with
        {
            Observer = job.Rank == 0 ? request.RunOptions.Observer : NullRunObserver.Instance,
        };
        RunOutcome outcome = await new SuiteRunner(options).RunAsync(request.NodePlan, request.System, cancellationToken);
        return outcome.Run;
    }

    private async Task<Run?> RunJobWidePhaseAsync(ClusterPhaseKind kind, RunPlan plan, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Say($"phase {(kind == ClusterPhaseKind.Pairs ? 2 : 3)}/3: {kind.ToString().ToLowerInvariant()} ({string.Join(", ", plan.Benchmarks.Select(b => b.Benchmark.Id))})");
        RunOptions options = request.RunOptions with
        {
            RunId = $"{request.ClusterId}-{kind.ToString().ToLowerInvariant()}",
            Observer = job.Rank == 0 ? request.RunOptions.Observer : NullRunObserver.Instance,
        };
        RunOutcome outcome = await new SuiteRunner(options).RunAsync(plan, request.System, cancellationToken);
        if (job.Rank != 0)
        {
            return null;
        }

        string folder = output!.WritePhase(kind, outcome.Run);
        bool complete = outcome.Run.Status == RunStatus.Complete && job.Abandoned is null;
        _phases.Add(new ClusterPhase
        {
            Kind = kind,
            Status = complete ? ClusterPhaseStatus.Complete : outcome.Run.Measurements.Count > 0 ? ClusterPhaseStatus.Partial : ClusterPhaseStatus.Failed,
            Seconds = clock.Elapsed.TotalSeconds,
            Folder = folder,
            Detail = outcome.Run.Errors.Count == 0 ? null : string.Join("; ", outcome.Run.Errors.Select(e => e.Message)),
        });
        return outcome.Run;
    }

    private List<NodeInput> MarkSilentNodes(List<NodeInput> nodes, string when)
    {
        IReadOnlyList<TimeSpan> silence = job.Silence();
        var marked = new List<NodeInput>(nodes.Count);
        for (int i = 0; i < nodes.Count; i++)
        {
            int rank = job.NodeLeaders[i];
            marked.Add(silence[rank] > request.Policy.Silence / 2
                ? nodes[i] with
                {
                    State = NodeState.NotAnswering,
                    Detail = $"{job.Hosts[rank]} (rank {rank}) did not answer for {silence[rank].TotalSeconds:0} s {when}: hung, stopped or dead",
                }
                : nodes[i]);
        }

        return marked;
    }

    /// <summary>The pairs the pair phase planned (the same schedule every rank computed), each marked when it was not measured.</summary>
    private List<PlannedPair> PlanPairs(IReadOnlyList<NodeInput> nodes, Run? pairsRun)
    {
        // A phase that never started planned nothing: its pairs are not failures of anyone's network.
        if (pairsRun is null || request.PairPlan is not { } plan || nodes.Count < 2 || plan.Benchmarks.Count == 0 || plan.Benchmarks[0].Cases.Count == 0)
        {
            return [];
        }

        Parameters.BenchmarkCase pairCase = plan.Benchmarks[0].Cases[0];
        PairSchedule schedule = PairSchedule.Plan(nodes.Count, PairSelection.Parse(pairCase.GetText("pairs")), pairCase.GetInt32("seed"));
        var measured = (pairsRun?.Measurements ?? [])
            .Where(m => m.Metric == PairMetrics.Bandwidth)
            .Select(m => (m.Labels.GetValueOrDefault(PairMetrics.FromLabel), m.Labels.GetValueOrDefault(PairMetrics.ToLabel)))
            .ToHashSet();
        var planned = new List<PlannedPair>();
        for (int round = 0; round < schedule.Rounds.Count; round++)
        {
            foreach (NodePair pair in schedule.Rounds[round])
            {
                string a = nodes[pair.A].Identity.Name;
                string b = nodes[pair.B].Identity.Name;
                bool done = measured.Contains((job.Hosts[job.NodeLeaders[pair.A]], job.Hosts[job.NodeLeaders[pair.B]]));
                planned.Add(done
                    ? new PlannedPair(a, b, round)
                    : new PlannedPair(a, b, round, "not measured: the pairs phase ended before this pair") { Reached = false });
            }
        }

        return planned;
    }

    private void Skip(ClusterPhaseKind kind, string why)
    {
        if (job.Rank == 0)
        {
            _phases.Add(new ClusterPhase { Kind = kind, Status = ClusterPhaseStatus.Skipped, Detail = why });
        }
    }

    /// <summary>Rank 0's decision to go on, bounded: a rank whose broadcast never arrives (rank 0 gone) gives up.</summary>
    private async Task<bool> AgreeAsync(bool decisionOfRankZero)
    {
        if (job.Abandoned is not null)
        {
            return false;
        }

        bool decision = false;
        bool done = await Bounded(() => decision = job.Agree(decisionOfRankZero),
            request.Policy.NodeTimeout + request.Policy.Silence, "waiting for rank 0's decision");
        return done && decision;
    }

    /// <summary>Runs blocking MPI work on a thread of its own for at most <paramref name="limit"/>; on timeout the job is abandoned.</summary>
    private async Task<bool> Bounded(Action work, TimeSpan limit, string what)
    {
        var thread = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await thread.WaitAsync(limit);
            return true;
        }
        catch (TimeoutException)
        {
            string why = $"rank {job.Rank} on {job.Hosts[job.Rank]}: no progress for {limit.TotalSeconds:0} s {what}";
            job.Abandon(why);
            await errors.WriteLineAsync($"aibench: {why}; the job is aborted with exit code 3");
            return false;
        }
    }

    private void Say(string line)
    {
        if (job.Rank == 0)
        {
            output?.Progress(line);
        }
    }
}

/// <summary>How a cluster run ended on this rank, and on rank 0 the verdict it wrote.</summary>
public sealed record ClusterOutcome(ExitCode ExitCode, ClusterResult? Result);
