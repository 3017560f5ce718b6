using System.Globalization;
using AiBench.Benchmarks.Collectives;
using AiBench.Core.Errors;

namespace AiBench.Benchmarks.Cluster;

/// <summary>
/// Runs blocking MPI work of the pair tests on a thread of its own for a bounded time: a stopped or dead peer leaves a
/// rank blocked inside MPI, which no cancellation reaches. On timeout MPI is marked unusable (the job is aborted with
/// exit code 3 at exit, after rank 0 wrote what was measured) and rank 0 names the ranks that fell silent.
/// </summary>
internal static class PairGuard
{
    /// <summary>
    /// Other ranks wait much longer than rank 0: their own MPI_Abort would end rank 0 while it writes what was measured
    /// and the cluster verdict; rank 0 aborts the job itself once written. This is only the fallback for a dead rank 0.
    /// </summary>
    private static readonly TimeSpan GraceForOtherRanks = TimeSpan.FromSeconds(90);

    /// <summary>A rank not heard from for this long (heartbeats come every second) is named.</summary>
    private static readonly TimeSpan SilentAfter = TimeSpan.FromSeconds(5);

    public static async Task<T> Run<T>(MpiSession session, string what, TimeSpan timeout, Func<T> work)
    {
        if (session.Rank != 0)
        {
            timeout += GraceForOtherRanks;
        }

        try
        {
            return await BlockingWork.RunAsync(work, timeout, "aibench-pairs");
        }
        catch (TimeoutException)
        {
            string why = $"{what}: rank {session.Rank} on {session.Host()} waited {timeout.TotalSeconds:0.#} s; "
                + (session.Rank == 0 ? Culprits(session) : "rank 0 reports which node stopped answering");
            session.MarkBroken(why);
            throw new CouldNotRunException(why);
        }
    }

    /// <summary>Rank 0: the ranks not heard from lately, named with their hosts.</summary>
    public static string Culprits(MpiSession session)
    {
        TimeSpan[] silence;
        try
        {
            silence = session.Silence();
        }
        catch (InvalidOperationException)
        {
            return "which rank stopped cannot be told (MPI without thread support)";
        }

        var silent = Enumerable.Range(0, session.Size).Where(r => silence[r] > SilentAfter).ToList();
        return silent.Count == 0
            ? "every rank still answers: a pair is stuck inside MPI"
            : string.Join(", ", silent.Select(r => string.Create(CultureInfo.InvariantCulture,
                $"{session.Hosts[r]} (rank {r}) has not answered for {silence[r].TotalSeconds:0} s: hung, stopped or dead")));
    }
}
