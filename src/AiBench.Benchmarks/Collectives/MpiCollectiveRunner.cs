using System.Diagnostics;
using AiBench.Core.Measuring;

namespace AiBench.Benchmarks.Collectives;

/// <summary>What one size in one placement measured: per-repetition times averaged over ranks, and the check.</summary>
public sealed record SizeResult(
    CollectiveSize Size, bool InPlace, double[] Seconds, double[] MeanSecondsByRank, long? Checked, long? Wrong);

/// <summary>
/// The mpi backend: host buffers, the timed loop in C (<c>aibm_time</c>: warm-up, barrier, MPI_Wtime around the
/// iterations), time per operation averaged over ranks per repetition, and nccl-tests' check with exact inputs.
/// Every loop bound that could differ between ranks is decided by rank 0 and broadcast, so all ranks call the same
/// collectives in the same order.
/// </summary>
internal sealed unsafe class MpiCollectiveRunner(
    MpiSession mpi, Collective collective, CollectiveSettings settings, int corruptRank, long sendBytes, long receiveBytes) : ICollectiveRunner
{
    private readonly HostBuffers _buffers = new(sendBytes, receiveBytes);

    public string Transport { get; } = CollectiveLink.MpiTransportFromEnvironment();

    public IReadOnlyDictionary<string, string> Info { get; } = new Dictionary<string, string> { ["backend"] = "mpi (host memory)" };

    public IReadOnlyList<bool> Placements(IReadOnlyList<bool> requested) => requested;

    public void Dispose() => _buffers.Dispose();

    public SizeResult Measure(CollectiveSize size, bool inPlace, MeasurementPolicy policy, TimeSpan budget)
    {
        HostBuffers buffers = _buffers;
        int dtype = (int)settings.DataType;
        int op = (int)settings.Op;
        Fill(buffers, size, inPlace);
        var samples = new List<double>();
        var rankSums = new double[mpi.Size];
        long started = Stopwatch.GetTimestamp();
        bool more = true;
        while (more)
        {
            Interop.Mpi.ThrowIfFailed(
                Interop.Mpi.Time((int)collective, dtype, op, buffers.Send, buffers.Receive, size.Count, settings.Root, inPlace ? 1 : 0,
                    samples.Count == 0 ? settings.Warmup : 0, settings.Iterations, out double seconds),
                $"{collective} timed loop");
            double[] perRank = mpi.GatherAll(seconds / settings.Iterations);
            for (int r = 0; r < perRank.Length; r++)
            {
                rankSums[r] += perRank[r];
            }

            samples.Add(perRank.Average());
            more = mpi.Agree(mpi.Rank == 0 && RepetitionRule.WantsMore(samples, policy, Stopwatch.GetElapsedTime(started), budget));
        }

        long? checkedCount = null;
        long? wrong = null;
        if (settings.Check)
        {
            (checkedCount, wrong) = Verify(buffers, size, inPlace);
        }

        return new SizeResult(size, inPlace, [.. samples], [.. rankSums.Select(s => s / samples.Count)], checkedCount, wrong);
    }

    private (long Checked, long Wrong) Verify(HostBuffers buffers, CollectiveSize size, bool inPlace)
    {
        Fill(buffers, size, inPlace);
        Interop.Mpi.ThrowIfFailed(
            Interop.Mpi.Collective((int)collective, (int)settings.DataType, (int)settings.Op, buffers.Send, buffers.Receive, size.Count,
                settings.Root, inPlace ? 1 : 0),
            $"{collective} check");
        Interop.Mpi.ThrowIfFailed(
            Interop.Mpi.Check((int)collective, (int)settings.DataType, (int)settings.Op, buffers.Receive, size.Count, mpi.Rank, mpi.Size,
                settings.Root, out long checkedCount, out long wrong),
            $"{collective} check");
        return mpi.Sum(checkedCount, wrong);
    }

    /// <summary>Puts this rank's inputs where the call reads them: the send buffer, or for in-place the receive buffer.</summary>
    private void Fill(HostBuffers buffers, CollectiveSize size, bool inPlace)
    {
        int dtype = (int)settings.DataType;
        int op = (int)settings.Op;
        int corrupt = mpi.Rank == corruptRank ? 1 : 0;
        int elt = size.ElementSize;
        byte* receive = (byte*)buffers.Receive;
        System.Runtime.InteropServices.NativeMemory.Clear(receive, (nuint)(Math.Max(size.SendElements, size.ReceiveElements) * elt));
        switch (collective)
        {
            case Collective.Broadcast:
                // MPI broadcasts one buffer: the root's input is the receive buffer, other ranks' is cleared above.
                if (mpi.Rank == settings.Root)
                {
                    Ok(Interop.Mpi.Fill(dtype, op, receive, size.Count, settings.Root, 0, corrupt));
                }

                break;
            case Collective.AllGather when inPlace:
                Ok(Interop.Mpi.Fill(dtype, op, receive + (size.Count * mpi.Rank * elt), size.Count, mpi.Rank, 0, corrupt));
                break;
            default:
                Ok(Interop.Mpi.Fill(dtype, op, inPlace ? receive : buffers.Send, size.SendElements, mpi.Rank, 0, corrupt));
                break;
        }

        static void Ok(int status) => Interop.Mpi.ThrowIfFailed(status, "fill");
    }
}
