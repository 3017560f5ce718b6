using System.Globalization;

namespace AiBench.Benchmarks.Collectives;

/// <summary>
/// The ranks of the job as the harness sees them: who we are, where everyone runs, and the few host-side collectives the
/// harness needs outside the timed loops (rank 0's decisions, per-rank times, wrong-element sums, NCCL's unique id).
/// </summary>
internal interface IRankGroup
{
    int Rank { get; }

    int Size { get; }

    /// <summary>This rank's index among the ranks of its node (picks the GPU).</summary>
    int LocalRank { get; }

    /// <summary>The host of every rank, by rank.</summary>
    IReadOnlyList<string> Hosts { get; }

    /// <summary>Returns once every rank has called it: what a timed loop starts after, so no rank starts its clock early.</summary>
    void Barrier();

    /// <summary>Rank 0's decision, known to every rank.</summary>
    bool Agree(bool decisionOfRankZero);

    /// <summary>Every rank's value, by rank.</summary>
    double[] GatherAll(double mine);

    (long First, long Second) Sum(long first, long second);

    /// <summary>
    /// The number of the next step this process starts (a size of a sweep), counted over the whole session: every rank
    /// runs the same plan, so the same number names the same point on every rank, across benchmarks too.
    /// </summary>
    int NextStep();

    /// <summary>Tells rank 0 (without waiting) that this rank reached <paramref name="step"/> of the run.</summary>
    void Announce(int step);

    /// <summary>
    /// Rank 0, after a timeout: the ranks that never announced <paramref name="step"/> (they stopped before it), or null
    /// when that cannot be known (MPI without thread support).
    /// </summary>
    IReadOnlyList<int>? RanksNotReaching(int step);

    /// <summary>Rank 0's bytes, copied into every rank's <paramref name="buffer"/>.</summary>
    void BroadcastFromRankZero(Span<byte> buffer);

    /// <summary>Marks the group unusable after a timeout (see <see cref="MpiSession.MarkBroken"/>).</summary>
    void MarkBroken(string why);

    /// <summary>Why the group can no longer be used, or null.</summary>
    string? Broken { get; }
}

/// <summary>A job of one rank (no launcher, NCCL without MPI): every group operation is the identity.</summary>
internal sealed class SingleRankGroup : IRankGroup
{
    private int _steps;

    public int Rank => 0;

    public int Size => 1;

    public int LocalRank => 0;

    public IReadOnlyList<string> Hosts { get; } = [Environment.MachineName];

    public void Barrier()
    {
    }

    public bool Agree(bool decisionOfRankZero) => decisionOfRankZero;

    public double[] GatherAll(double mine) => [mine];

    public (long First, long Second) Sum(long first, long second) => (first, second);

    public void BroadcastFromRankZero(Span<byte> buffer)
    {
    }

    public int NextStep() => Interlocked.Increment(ref _steps);

    public void Announce(int step)
    {
    }

    public IReadOnlyList<int>? RanksNotReaching(int step) => [];

    public string? Broken { get; private set; }

    public void MarkBroken(string why) => Broken ??= why;
}

internal static class RankGroupExtensions
{
    public static bool IsBroken(this IRankGroup group) => group.Broken is not null;

    public static string Host(this IRankGroup group) => group.Hosts[group.Rank];

    /// <summary>"0 on node1, 1 on node2" — for messages.</summary>
    public static string DescribeRanks(this IRankGroup group) =>
        string.Join(", ", group.Hosts.Select((h, r) => $"{r.ToString(CultureInfo.InvariantCulture)} on {h}"));
}
