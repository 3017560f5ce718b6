namespace AiBench.Core.Jobs;

/// <summary>A cluster of one node run without a launcher (or without MPI): rank 0 alone, nothing to send or hear.</summary>
public sealed class SingleRankJob(string host) : IClusterJob
{
    public int Rank => 0;

    public int Size => 1;

    public string Launcher => "none";

    public IReadOnlyList<string> Hosts { get; } = [host];

    public IReadOnlyList<int> NodeLeaders { get; } = [0];

    public void SendToRoot(ReadOnlySpan<byte> payload) =>
        throw new InvalidOperationException("rank 0 keeps its own results; it never sends them to itself");

    public JobMessage? TryReceive() => null;

    public IReadOnlyList<TimeSpan> Silence() => [TimeSpan.Zero];

    public bool Agree(bool decisionOfRankZero) => decisionOfRankZero;

    public void Abandon(string why) => Abandoned ??= why;

    public string? Abandoned { get; private set; }
}
