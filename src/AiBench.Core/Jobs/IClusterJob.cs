namespace AiBench.Core.Jobs;

/// <summary>A message a rank sent to rank 0 (a node's compressed results).</summary>
public sealed record JobMessage(int Source, byte[] Payload);

/// <summary>
/// The ranks of a launched job as a cluster run needs them (implemented over MPI in AiBench.Benchmarks): who speaks for
/// which node, results travelling to rank 0 without a shared file system, rank 0's decisions, and liveness (a rank that
/// stopped answering is named, not waited for forever). Only rank 0 may call <see cref="TryReceive"/> and
/// <see cref="Silence"/>.
/// </summary>
public interface IClusterJob
{
    int Rank { get; }

    int Size { get; }

    /// <summary><c>slurm</c>, <c>openmpi</c>, <c>pmi</c> or <c>none</c>.</summary>
    string Launcher { get; }

    /// <summary>The host (MPI processor name) of every rank, by rank.</summary>
    IReadOnlyList<string> Hosts { get; }

    /// <summary>The rank that speaks for each node (the lowest rank on each host), in rank order.</summary>
    IReadOnlyList<int> NodeLeaders { get; }

    /// <summary>Sends bytes to rank 0; blocks until MPI has them.</summary>
    void SendToRoot(ReadOnlySpan<byte> payload);

    /// <summary>Rank 0: a message that has arrived, or null.</summary>
    JobMessage? TryReceive();

    /// <summary>Rank 0: how long ago each rank was last heard from (zero for rank 0).</summary>
    IReadOnlyList<TimeSpan> Silence();

    /// <summary>Rank 0's decision, known to every rank.</summary>
    bool Agree(bool decisionOfRankZero);

    /// <summary>Marks the job unusable (a rank stopped answering): nothing more is sent, and the job is aborted at exit.</summary>
    void Abandon(string why);

    /// <summary>Why the job was abandoned, or null.</summary>
    string? Abandoned { get; }
}

public static class ClusterJobExtensions
{
    public static bool IsNodeLeader(this IClusterJob job) => job.NodeLeaders.Contains(job.Rank);
}
