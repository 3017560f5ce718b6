using AiBench.Benchmarks.Collectives;
using AiBench.Core.Errors;
using AiBench.Core.Jobs;

namespace AiBench.Benchmarks.Cluster;

/// <summary>
/// The cluster job over the process's MPI session. Every rank but 0 sends a heartbeat each second from a thread of its
/// own, so rank 0 can tell a rank that is busy (or blocked inside MPI) from one that is stopped or dead. Rank 0 takes
/// the heartbeats in as they come, from a thread of its own: a heartbeat counts from when rank 0 receives it, so
/// heartbeats left waiting while rank 0 measured a pair would all look fresh at once, a stopped rank's included.
/// </summary>
public sealed class MpiClusterJob : IClusterJob, IDisposable
{
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ListenInterval = TimeSpan.FromMilliseconds(250);
    private readonly MpiSession _session;
    private readonly Timer _heartbeat;

    private MpiClusterJob(MpiSession session, string launcher)
    {
        _session = session;
        Launcher = launcher;
        NodeLeaders = [.. session.Hosts.Select((host, rank) => (host, rank)).GroupBy(x => x.host, StringComparer.Ordinal).Select(g => g.Min(x => x.rank)).Order()];
        _heartbeat = new Timer(_ => Beat(), null, TimeSpan.Zero, session.Rank == 0 ? ListenInterval : HeartbeatInterval);
    }

    /// <summary>Joins the launched job (MPI_Init); throws <see cref="CouldNotRunException"/> when MPI is unavailable.</summary>
    public static MpiClusterJob Join(LaunchInfo launch) => new(MpiSession.Get(), launch.Launcher);

    public int Rank => _session.Rank;

    public int Size => _session.Size;

    public string Launcher { get; }

    public IReadOnlyList<string> Hosts => _session.Hosts;

    public IReadOnlyList<int> NodeLeaders { get; }

    public string? Abandoned => _session.Broken;

    public void SendToRoot(ReadOnlySpan<byte> payload) => _session.SendToRoot(payload, MessageTag.NodeResults);

    public JobMessage? TryReceive() =>
        _session.TryReceive(MessageTag.NodeResults) is { } message ? new JobMessage(message.Source, message.Payload) : null;

    public IReadOnlyList<TimeSpan> Silence() => _session.Silence();

    public bool Agree(bool decisionOfRankZero) => _session.Agree(decisionOfRankZero);

    public void Abandon(string why) => _session.MarkBroken(why);

    public void Dispose() => _heartbeat.Dispose();

    private void Beat()
    {
        try
        {
            _session.Heartbeat();   // rank 0: takes in the others' heartbeats
        }
        catch (InvalidOperationException)
        {
            // MPI is finalising or broken: nobody is listening any more.
        }
    }
}
