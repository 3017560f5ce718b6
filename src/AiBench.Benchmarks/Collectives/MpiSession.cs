using System.Globalization;
using System.Text;
using AiBench.Benchmarks.Native;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;

namespace AiBench.Benchmarks.Collectives;

/// <summary>
/// The process's one MPI session: initialised on first use (MPI_Init_thread; as a singleton without a launcher),
/// finalised when the process exits — or, after a collective timed out, aborted with exit code 3 so every rank of the
/// job ends instead of hanging in MPI_Finalize. MPI cannot be initialised twice in a process, hence one per process.
/// </summary>
internal sealed unsafe partial class MpiSession : IRankGroup
{
    private const int HostNameBytes = 256;
    private static readonly Lazy<MpiSession> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private volatile string? _broken;
    private int _steps;

    private MpiSession(int rank, int size, int localRank, IReadOnlyList<string> hosts)
    {
        Rank = rank;
        Size = size;
        LocalRank = localRank;
        Hosts = hosts;
    }

    public int Rank { get; }

    public int Size { get; }

    public int LocalRank { get; }

    /// <summary>MPI's processor name of every rank, by rank.</summary>
    public IReadOnlyList<string> Hosts { get; }

    /// <summary>Why MPI can no longer be used (a collective timed out), or null.</summary>
    public string? Broken => _broken;

    /// <summary>Whether libaibench_mpi loads and speaks this build's C API version.</summary>
    public static Availability Probe() => NativeApiProbe.Check(
        NativeLibraryNames.AiBenchMpi, "C API", Interop.Mpi.Version, Interop.Mpi.ApiVersion, "is not a libaibench_mpi build");

    /// <summary>The session, initialising MPI on first call; throws <see cref="CouldNotRunException"/> when MPI is missing or broken.</summary>
    public static MpiSession Get()
    {
        Availability availability = Probe();
        if (!availability.IsReady)
        {
            throw new CouldNotRunException($"backend mpi: {availability.Reason}");
        }

        MpiSession session;
        try
        {
            session = Instance.Value;
        }
        catch (InvalidOperationException e)
        {
            throw new CouldNotRunException($"backend mpi: {e.Message}");
        }

        if (session.Broken is { } why)
        {
            throw new CouldNotRunException($"MPI is unusable after an earlier failure: {why}");
        }

        return session;
    }

    private static MpiSession Start()
    {
        Interop.Mpi.ThrowIfFailed(Interop.Mpi.Init(out int rank, out int size, out int localRank, out _), "MPI_Init_thread");
        byte* name = stackalloc byte[HostNameBytes];
        new Span<byte>(name, HostNameBytes).Clear();
        Interop.Mpi.ThrowIfFailed(Interop.Mpi.ProcessorName(name, HostNameBytes), "MPI_Get_processor_name");
        byte[] all = new byte[HostNameBytes * size];
        fixed (byte* receive = all)
        {
            Interop.Mpi.ThrowIfFailed(Interop.Mpi.AllGatherBytes(name, receive, HostNameBytes), "MPI_Allgather of host names");
        }

        var hosts = new string[size];
        for (int r = 0; r < size; r++)
        {
            ReadOnlySpan<byte> bytes = all.AsSpan(r * HostNameBytes, HostNameBytes);
            int end = bytes.IndexOf((byte)0);
            hosts[r] = Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
        }

        var session = new MpiSession(rank, size, localRank, hosts);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => session.End();
        return session;
    }

    /// <summary>
    /// Marks the session unusable after a timeout: the ranks' collectives no longer match, so nothing more may be called;
    /// at exit the job is aborted (exit code 3) rather than finalised.
    /// </summary>
    public void MarkBroken(string why) => _broken ??= why;

    private void End()
    {
        if (_broken is not null)
        {
            Console.Error.Flush();
            Interop.Mpi.Abort((int)ExitCode.CouldNotRun);
            return;
        }

        // At exit there is no one left to tell; a failed MPI_Finalize only shows in the launcher's own report.
        _ = Interop.Mpi.Finalize();
    }

    public void Barrier() => Interop.Mpi.ThrowIfFailed(Interop.Mpi.Barrier(), "MPI_Barrier");

    /// <summary>Rank 0's decision, known to every rank (one byte broadcast): keeps loops of every rank in step.</summary>
    public bool Agree(bool decisionOfRankZero)
    {
        byte flag = decisionOfRankZero ? (byte)1 : (byte)0;
        Interop.Mpi.ThrowIfFailed(Interop.Mpi.BroadcastBytes(&flag, 1, 0), "MPI_Bcast");
        return flag != 0;
    }

    /// <summary>Every rank's value, by rank (an all-reduce of a vector holding only this rank's slot).</summary>
    public double[] GatherAll(double mine)
    {
        var values = new double[Size];
        values[Rank] = mine;
        fixed (double* p = values)
        {
            Interop.Mpi.ThrowIfFailed(Interop.Mpi.SumDoubles(p, Size), "MPI_Allreduce");
        }

        return values;
    }

    public (long First, long Second) Sum(long first, long second)
    {
        long* values = stackalloc long[2] { first, second };
        Interop.Mpi.ThrowIfFailed(Interop.Mpi.SumInt64(values, 2), "MPI_Allreduce");
        return (values[0], values[1]);
    }

    public int NextStep() => Interlocked.Increment(ref _steps);

    public void Announce(int step) => Interop.Mpi.ThrowIfFailed(Interop.Mpi.Announce(step), "progress note");

    public IReadOnlyList<int>? RanksNotReaching(int step)
    {
        var flags = new int[Size];
        fixed (int* p = flags)
        {
            if (Interop.Mpi.Reached(step, p, Size) != Interop.Mpi.Ok)
            {
                return null;
            }
        }

        return [.. Enumerable.Range(0, Size).Where(r => flags[r] == 0)];
    }

    public void BroadcastFromRankZero(Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            Interop.Mpi.ThrowIfFailed(Interop.Mpi.BroadcastBytes(p, buffer.Length, 0), "MPI_Bcast");
        }
    }
}
