namespace AiBench.Benchmarks.Collectives;

/// <summary>The cluster run's traffic outside the collectives: heartbeats, messages to rank 0, and node-pair tests.</summary>
internal sealed unsafe partial class MpiSession
{
    /// <summary>Tells rank 0 this rank is alive (rank 0 itself drains the heartbeats of the others).</summary>
    public void Heartbeat() => Interop.Mpi.ThrowIfFailed(Interop.Mpi.Heartbeat(), "heartbeat");

    /// <summary>Rank 0: how long ago each rank was last heard from.</summary>
    public TimeSpan[] Silence()
    {
        var seconds = new double[Size];
        fixed (double* p = seconds)
        {
            Interop.Mpi.ThrowIfFailed(Interop.Mpi.Silence(p, Size), "liveness check");
        }

        return [.. seconds.Select(TimeSpan.FromSeconds)];
    }

    public void SendToRoot(ReadOnlySpan<byte> payload, MessageTag tag)
    {
        fixed (byte* p = payload)
        {
            Interop.Mpi.ThrowIfFailed(Interop.Mpi.SendToRoot(p, payload.Length, (int)tag), "MPI_Send to rank 0");
        }
    }

    /// <summary>Rank 0: one waiting message with <paramref name="tag"/>, or null.</summary>
    public (int Source, byte[] Payload)? TryReceive(MessageTag tag)
    {
        int status = Interop.Mpi.ReceiveAny((int)tag, out void* buffer, out long bytes, out int source);
        if (status == 0)
        {
            return null;
        }

        Interop.Mpi.ThrowIfFailed(status == 1 ? Interop.Mpi.Ok : status, "MPI_Mrecv");
        try
        {
            return (source, new ReadOnlySpan<byte>(buffer, checked((int)bytes)).ToArray());
        }
        finally
        {
            Interop.Mpi.Free(buffer);
        }
    }

    /// <summary>Both members of a pair call this; each gets the larger of the two values.</summary>
    public int PairMaximum(int peer, int mine)
    {
        Interop.Mpi.ThrowIfFailed(Interop.Mpi.PairExchangeInt(peer, mine, out int theirs), "MPI_Sendrecv with the peer");
        return Math.Max(mine, theirs);
    }

    public double PairStream(int peer, bool sender, byte* buffer, long bytes, int window, int rounds)
    {
        Interop.Mpi.ThrowIfFailed(Interop.Mpi.PairStream(peer, sender ? 1 : 0, buffer, bytes, window, rounds, out double seconds), "pair stream");
        return seconds;
    }

    public double PairBidirectional(int peer, byte* buffer, long bytes, int window, int rounds)
    {
        Interop.Mpi.ThrowIfFailed(Interop.Mpi.PairBidirectional(peer, buffer, bytes, window, rounds, out double seconds), "pair bidirectional");
        return seconds;
    }

    public double PairPingPong(int peer, byte* buffer, long bytes, int iterations)
    {
        Interop.Mpi.ThrowIfFailed(Interop.Mpi.PairPingPong(peer, buffer, bytes, iterations, out double seconds), "pair ping-pong");
        return seconds;
    }
}

/// <summary>Tags of the messages ranks send to rank 0, one per kind, so a receive never takes the wrong kind.</summary>
internal enum MessageTag
{
    NodeResults = 1,
    PairResults = 2,
}
