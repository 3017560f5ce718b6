using AiBench.Benchmarks.Cluster;
using AiBench.Cli.Composition;
using AiBench.Core.Benchmarks;
using AiBench.Core.Cluster;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Jobs;
using AiBench.Core.Measuring;
using AiBench.Core.Running;
using AiBench.Core.Suites;
using AiBench.Core.Units;
using AiBench.Core.Files;

namespace AiBench.Cli.Cluster;

/// <summary>
/// <c>aibench run cluster</c> on one rank of a job started by srun or mpirun (or alone, as a cluster of one node):
/// joins the job, runs the phases, and on rank 0 writes the cluster folder and prints the verdict.
/// </summary>
internal static class ClusterExecution
{
    public static async Task<int> RunAsync(
        Suite suite, BenchmarkRegistry registry, IReadOnlyList<KeyValuePair<string, string>> settings, MeasurementPolicy policy,
        RunOptions options, SystemInfo system, string resultsRoot, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        (ClusterPolicy clusterPolicy, RunPlan nodes, RunPlan? pairs, RunPlan? collectives) = ClusterPlanner.Plan(suite, registry, settings, policy);
        // Several ranks of a launched job join MPI; one process (or a job of one rank) is a cluster of one node.
        MpiClusterJob? mpi = options.Launch.Size > 1 ? MpiClusterJob.Join(options.Launch) : null;
        try
        {
            IClusterJob job = mpi is not null ? mpi : new SingleRankJob(system.Host);
            string clusterId = RunDirectory.NewRunId("cluster", DateTimeOffset.UtcNow);
            // A cluster folder is created at the start: node runs land in it as each phase ends.
            ClusterFolderOutput? folder = job.Rank == 0 ? new ClusterFolderOutput(CreateFolder(resultsRoot, clusterId), clusterId, error) : null;
            var request = new ClusterRunRequest
            {
                ClusterId = folder is null ? clusterId : Path.GetFileName(folder.Folder),
                Policy = clusterPolicy,
                NodePlan = nodes,
                PairPlan = mpi is null ? null : pairs,
                CollectivePlan = mpi is null ? null : collectives,
                JobWidePhasesSkipped = mpi is null && (pairs ?? collectives) is not null
                    ? "started without a launcher (srun or mpirun): one node, nothing runs between nodes" : null,
                RunOptions = options,
                System = system,
            };
            ClusterOutcome outcome = await new ClusterRunner(job, request, folder, error).RunAsync(cancellationToken);
            if (folder is not null && outcome.Result is { } result)
            {
                PrintVerdict(result, folder.Folder, output);
            }

            // Figures the results folder refused were saved elsewhere (named on stderr): the run did not end where asked.
            return folder?.Rescued == true ? (int)ExitCode.CouldNotRun : (int)outcome.ExitCode;
        }
        finally
        {
            mpi?.Dispose();
        }
    }

    private static string CreateFolder(string resultsRoot, string clusterId)
    {
        RunDirectory.CheckWritable(resultsRoot);
        try
        {
            return RunDirectory.Create(resultsRoot, clusterId);
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            throw new BadInputException($"cannot write results under '{resultsRoot}': {e.Message}");
        }
    }

    private static void PrintVerdict(ClusterResult result, string folder, TextWriter output)
    {
        output.WriteLine($"cluster verdict: {result.Verdict.ToString().ToLowerInvariant()} ({result.Nodes.Count} node(s), {result.Pairs.Count} pair(s), status {result.Status.ToString().ToLowerInvariant()})");
        foreach (ClusterFinding finding in result.Findings)
        {
            output.WriteLine($"  {finding.Reason}");
        }

        foreach (PairResult pair in result.Pairs)
        {
            output.WriteLine($"  pair {pair.A}↔{pair.B}: {Rate(pair.BandwidthAToB)} / {Rate(pair.BandwidthBToA)}, bidir {Rate(pair.BidirectionalBandwidth)}, latency {(pair.Latency is { } l ? UnitFormatter.Format(l, Unit.Seconds) : "n/a")} — {pair.Verdict.ToString().ToLowerInvariant()}");
        }

        output.WriteLine($"cluster report: {Path.Combine(folder, "report.html")}");

        static string Rate(double? value) => value is { } v ? UnitFormatter.Format(v, Unit.BytesPerSecond) : "n/a";
    }
}
