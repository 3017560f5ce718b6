using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using AiBench.Core.Errors;
using AiBench.Core.Measuring;
using AiBench.Cuda;
using AiBench.Cuda.Nccl;

namespace AiBench.Benchmarks.Collectives;

/// <summary>
/// The nccl backend: one GPU per rank (device = local rank modulo the devices), device buffers, NCCL's unique id made
/// by rank 0 and broadcast over MPI (no MPI needed for one rank), <c>ncclCommInitRank</c>, and CUDA events on one
/// stream around the iterations of each repetition, after warm-up and a barrier of the ranks (MPI_Barrier). The
/// check copies the inputs up and the output down and compares it on the host with the exact expected values.
/// </summary>
internal sealed class NcclCollectiveRunner : ICollectiveRunner
{
    private delegate void SpanFiller<T>(Span<T> destination, int rank);

    private readonly IRankGroup _group;
    private readonly Collective _collective;
    private readonly CollectiveSettings _settings;
    private readonly bool _corrupt;
    private readonly CudaContext _context;
    private readonly CudaStream _stream;
    private readonly CudaEvent _start;
    private readonly CudaEvent _stop;
    private readonly DeviceBuffer _send;
    private readonly DeviceBuffer _receive;
    private readonly NcclCommunicator _comm;
    private readonly Dictionary<string, string> _info;

    private NcclCollectiveRunner(IRankGroup group, Collective collective, CollectiveSettings settings, bool corrupt, int device,
        CudaContext context, CudaStream stream, CudaEvent start, CudaEvent stop, DeviceBuffer send, DeviceBuffer receive, NcclCommunicator comm)
    {
        _group = group;
        _collective = collective;
        _settings = settings;
        _corrupt = corrupt;
        _context = context;
        _stream = stream;
        _start = start;
        _stop = stop;
        _send = send;
        _receive = receive;
        _comm = comm;
        _info = new Dictionary<string, string>
        {
            ["backend"] = "nccl (device memory)",
            ["ncclVersion"] = NcclCommunicator.Version,
            ["ncclLibrary"] = NcclCommunicator.LoadedFrom ?? "",
            ["device"] = device.ToString(CultureInfo.InvariantCulture),
            ["deviceName"] = context.Device.Name,
        };
    }

    public string Transport => _group.Size == 1 ? "NCCL (one rank: no connection)" : $"NCCL {NcclLog.Transports() ?? "(log not read: NCCL_DEBUG set by the user)"}";

    public IReadOnlyDictionary<string, string> Info => _info;

    /// <summary>Why the nccl backend cannot run here, or null: no CUDA device, or no libnccl.so.2.</summary>
    public static string? Unavailable()
    {
        try
        {
            if (!CudaDriver.TryInitialize(out string driverReason))
            {
                return driverReason;
            }

            if (CudaDriver.DeviceCount == 0)
            {
                return "no CUDA device";
            }
        }
        catch (Exception e)
        {
            return $"no CUDA device ({e.GetType().Name}: {e.Message})";
        }

        return NcclCommunicator.TryLoad(out string reason) ? null : $"libnccl.so.2 not found ({reason})";
    }

    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope",
        Justification = "Each handle goes to the runner, which disposes it; until then the owned stack disposes them all on failure.")]
    public static NcclCollectiveRunner Create(
        IRankGroup group, int localRank, Collective collective, CollectiveSettings settings, bool corrupt, long sendBytes, long receiveBytes)
    {
        if (Unavailable() is { } why)
        {
            throw new CouldNotRunException($"backend nccl: {why}");
        }

        NcclLog.Prepare();
        int device = localRank % CudaDriver.DeviceCount;
        var owned = new Stack<IDisposable>();
        try
        {
            CudaContext context = Push(CudaContext.Create(device));
            context.MakeCurrent();
            CudaStream stream = Push(CudaStream.Create(context));
            CudaEvent start = Push(CudaEvent.Create(context));
            CudaEvent stop = Push(CudaEvent.Create(context));
            DeviceBuffer send = Push(DeviceBuffer.Allocate(context, Math.Max(sendBytes, 256)));
            DeviceBuffer receive = Push(DeviceBuffer.Allocate(context, Math.Max(receiveBytes, 256)));
            NcclUniqueId id = group.Rank == 0 ? NcclCommunicator.NewUniqueId() : default;
            group.BroadcastFromRankZero(MemoryMarshal.AsBytes(new Span<NcclUniqueId>(ref id)));
            NcclCommunicator comm = Push(NcclCommunicator.Create(id, group.Size, group.Rank));
            return new NcclCollectiveRunner(group, collective, settings, corrupt, device, context, stream, start, stop, send, receive, comm);
        }
        catch
        {
            while (owned.Count > 0)
            {
                owned.Pop().Dispose();
            }

            throw;
        }

        T Push<T>(T item) where T : IDisposable
        {
            owned.Push(item);
            return item;
        }
    }

    /// <summary>All-to-all through grouped send/receive cannot share one buffer, so NCCL's all-to-all is out-of-place only.</summary>
    public IReadOnlyList<bool> Placements(IReadOnlyList<bool> requested) =>
        _collective == Collective.AllToAll ? [false] : requested;

    public SizeResult Measure(CollectiveSize size, bool inPlace, MeasurementPolicy policy, TimeSpan budget)
    {
        _context.MakeCurrent();
        Fill(size, inPlace);
        var samples = new List<double>();
        var rankSums = new double[_group.Size];
        long started = Stopwatch.GetTimestamp();
        bool more = true;
        while (more)
        {
            int warmup = samples.Count == 0 ? _settings.Warmup : 0;
            for (int i = 0; i < warmup; i++)
            {
                Launch(size, inPlace);
            }

            // nccl-tests' BenchTime: the warm-up completes on this rank's stream, then a barrier, then the clock
            // starts; a broadcast would let rank 0 start before the others finished their warm-up.
            _stream.Synchronize();
            _group.Barrier();
            _start.Record(_stream);
            for (int i = 0; i < _settings.Iterations; i++)
            {
                Launch(size, inPlace);
            }

            _stop.Record(_stream);
            _stop.Synchronize();
            double[] perRank = _group.GatherAll(CudaEvent.ElapsedSeconds(_start, _stop) / _settings.Iterations);
            for (int r = 0; r < perRank.Length; r++)
            {
                rankSums[r] += perRank[r];
            }

            samples.Add(perRank.Average());
            more = _group.Agree(_group.Rank == 0 && RepetitionRule.WantsMore(samples, policy, Stopwatch.GetElapsedTime(started), budget));
        }

        long? checkedCount = null;
        long? wrong = null;
        if (_settings.Check)
        {
            (checkedCount, wrong) = Verify(size, inPlace);
        }

        return new SizeResult(size, inPlace, [.. samples], [.. rankSums.Select(s => s / samples.Count)], checkedCount, wrong);
    }

    public void Dispose()
    {
        _context.MakeCurrent();
        _comm.Dispose();
        _receive.Dispose();
        _send.Dispose();
        _stop.Dispose();
        _start.Dispose();
        _stream.Dispose();
        _context.Dispose();
    }

    private NcclDataType Type => _settings.DataType == CollectiveDataType.Float32 ? NcclDataType.Float32 : NcclDataType.Float64;

    private NcclRedOp Op => _settings.Op switch
    {
        ReductionOp.Sum => NcclRedOp.Sum,
        ReductionOp.Prod => NcclRedOp.Prod,
        ReductionOp.Min => NcclRedOp.Min,
        _ => NcclRedOp.Max,
    };

    /// <summary>Byte offset of this rank's block: in-place all-gather input and in-place reduce-scatter output (nccl.h).</summary>
    private ulong RankOffset(CollectiveSize size) => (ulong)(size.Count * _group.Rank * size.ElementSize);

    private void Launch(CollectiveSize size, bool inPlace)
    {
        ulong send = _send.Pointer;
        ulong receive = _receive.Pointer;
        switch (_collective)
        {
            case Collective.AllReduce:
                _comm.AllReduce(inPlace ? receive : send, receive, size.Count, Type, Op, _stream);
                break;
            case Collective.AllGather:
                _comm.AllGather(inPlace ? receive + RankOffset(size) : send, receive, size.Count, Type, _stream);
                break;
            case Collective.ReduceScatter:
                // In place, the input is the whole receive buffer and this rank's result lands at its own block.
                _comm.ReduceScatter(inPlace ? receive : send, inPlace ? receive + RankOffset(size) : receive, size.Count, Type, Op, _stream);
                break;
            case Collective.Broadcast:
                _comm.Broadcast(inPlace ? receive : send, receive, size.Count, Type, _settings.Root, _stream);
                break;
            default:
                _comm.AllToAll(send, receive, size.Count, size.ElementSize, Type, _stream);
                break;
        }
    }

    /// <summary>Uploads this rank's inputs where the call reads them, and clears the rest of the receive buffer.</summary>
    private void Fill(CollectiveSize size, bool inPlace)
    {
        if (_settings.DataType == CollectiveDataType.Float64)
        {
            Fill<double>(size, inPlace, (span, rank) => CollectiveInputs.Fill(span, _settings.Op, rank, 0, _corrupt));
        }
        else
        {
            Fill<float>(size, inPlace, (span, rank) => CollectiveInputs.Fill(span, _settings.Op, rank, 0, _corrupt));
        }
    }

    private void Fill<T>(CollectiveSize size, bool inPlace, SpanFiller<T> fill) where T : unmanaged
    {
        int rank = _group.Rank;
        bool broadcast = _collective == Collective.Broadcast;
        long inputElements = broadcast ? size.Count : size.SendElements;
        // In place, the input lies in the receive buffer (for all-gather at this rank's block); the image covers it all.
        long imageElements = inPlace ? Math.Max(size.SendElements, size.ReceiveElements) : inputElements;
        long at = inPlace && _collective == Collective.AllGather ? size.Count * rank : 0;
        var image = new T[imageElements];
        if (!broadcast || rank == _settings.Root)
        {
            fill(image.AsSpan((int)at, (int)inputElements), broadcast ? _settings.Root : rank);
        }

        _receive.Fill(0);
        _context.Synchronize();
        if (imageElements > 0)
        {
            (inPlace ? _receive : _send).CopyFrom<T>(image);
        }

        _context.Synchronize();
    }

    private (long Checked, long Wrong) Verify(CollectiveSize size, bool inPlace)
    {
        Fill(size, inPlace);
        Launch(size, inPlace);
        _stream.Synchronize();
        long outputs = CollectiveInputs.OutputElements(_collective, size.Count, _group.Size);
        long offset = inPlace && _collective == Collective.ReduceScatter ? size.Count * _group.Rank : 0;
        long wrong;
        if (_settings.DataType == CollectiveDataType.Float64)
        {
            var host = new double[offset + outputs];
            _receive.CopyTo<double>(host);
            wrong = CollectiveInputs.CountWrong(host.AsSpan((int)offset), _collective, _settings.Op, size.Count, _group.Rank, _group.Size, _settings.Root);
        }
        else
        {
            var host = new float[offset + outputs];
            _receive.CopyTo<float>(host);
            wrong = CollectiveInputs.CountWrong(host.AsSpan((int)offset), _collective, _settings.Op, size.Count, _group.Rank, _group.Size, _settings.Root);
        }

        return _group.Sum(outputs, wrong);
    }
}
