using System.Runtime.InteropServices;
using System.Text;

namespace AiBench.Benchmarks.Storage;

/// <summary>Calls the native engine: marshals the request, wires cancellation to the engine's stop flag, copies the result.</summary>
internal static unsafe class IoEngineRunner
{
    public static IoOutcome Run(IoRequest request, CancellationToken cancellationToken)
    {
        int slices = request.RunSeconds > 0 ? request.Slices : 1;
        var histograms = new ulong[slices * Interop.IoEngine.Directions * LatencyHistogram.Buckets];
        byte[] path = Encoding.UTF8.GetBytes(request.Path + "\0");
        int* cancel = (int*)NativeMemory.AllocZeroed(sizeof(int));
        try
        {
            using CancellationTokenRegistration registration = cancellationToken.Register(() => Volatile.Write(ref *cancel, 1));
            if (cancellationToken.IsCancellationRequested)
            {
                *cancel = 1;
            }

            Interop.IoEngine.Result result;
            int status;
            fixed (byte* p = path)
            fixed (ulong* h = histograms)
            {
                var config = new Interop.IoEngine.Config
                {
                    Path = p,
                    Offset = (ulong)request.Offset,
                    Size = (ulong)request.Size,
                    BlockSize = (uint)request.BlockSize,
                    QueueDepth = (uint)request.QueueDepth,
                    Jobs = (uint)request.Jobs,
                    Random = request.Random ? 1 : 0,
                    ReadPercent = request.ReadPercent,
                    Engine = request.Engine,
                    Verify = request.Verify ? 1 : 0,
                    Slices = (uint)slices,
                    Seed = request.Seed,
                    RampSeconds = request.RampSeconds,
                    RunSeconds = request.RunSeconds,
                    IoLimit = (ulong)Math.Max(0, request.IoLimit),
                    Cancel = cancel,
                };
                status = Interop.IoEngine.Run(&config, &result, h);
            }

            return new IoOutcome
            {
                Status = status,
                Engine = result.Engine switch
                {
                    Interop.IoEngine.EngineUring => "io_uring",
                    Interop.IoEngine.EngineLibaio => "libaio",
                    _ => "none",
                },
                ErrorErrno = result.ErrorErrno,
                ErrorOffset = (long)result.ErrorOffset,
                Cancelled = result.Cancelled != 0,
                FixedBuffers = result.FixedBuffers != 0,
                Read = Direction(IoDirection.Read, &result, histograms, slices),
                Write = Direction(IoDirection.Write, &result, histograms, slices),
                Errors = (long)result.Errors,
                VerifyChecked = (long)result.VerifyChecked,
                VerifyFailed = (long)result.VerifyFailed,
                FirstBadOffset = (long)result.FirstBadOffset,
                Seconds = result.Seconds,
            };
        }
        finally
        {
            NativeMemory.Free(cancel);
        }
    }

    /// <summary>One direction's counters, complete slices and histograms, out of the engine's interleaved layout.</summary>
    private static IoDirectionResult Direction(IoDirection direction, Interop.IoEngine.Result* result, ulong[] histograms, int slices)
    {
        int d = (int)direction;
        var sliceList = new List<IoSlice>((int)result->Slices);
        for (int s = 0; s < result->Slices; s++)
        {
            int at = (d * Interop.IoEngine.MaxSlices) + s;
            sliceList.Add(new IoSlice((long)result->SliceIos[at], (long)result->SliceBytes[at], result->SliceSeconds[s]));
        }

        // The engine writes slice s of direction d at (s * directions + d) * buckets.
        var own = new ulong[slices * LatencyHistogram.Buckets];
        for (int s = 0; s < slices; s++)
        {
            histograms.AsSpan(((s * Interop.IoEngine.Directions) + d) * LatencyHistogram.Buckets, LatencyHistogram.Buckets)
                .CopyTo(own.AsSpan(s * LatencyHistogram.Buckets));
        }

        return new IoDirectionResult
        {
            Ios = (long)(direction == IoDirection.Read ? result->Reads : result->Writes),
            Bytes = (long)(direction == IoDirection.Read ? result->BytesRead : result->BytesWritten),
            LatencyMinNs = result->LatencyMinNs[d],
            LatencyMaxNs = result->LatencyMaxNs[d],
            LatencySumNs = result->LatencySumNs[d],
            Slices = sliceList,
            Histograms = own,
        };
    }
}
