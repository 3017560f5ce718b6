using System.Diagnostics;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// Runs <see cref="S3LoadOptions.Concurrency"/> workers, each issuing one request after another (closed loop,
/// as warp and elbencho do), until the duration, the operation limit, settling, an endpoint failure or the user
/// stops them. Requests in flight when the load stops are finished (each within its timeout), not abandoned.
/// A monitor keeps live per-segment rates (<see cref="LiveSegments"/>) for the progress line and for settling.
/// </summary>
public sealed class S3LoadGenerator(S3Requests requests, ObjectSet objects, S3LoadOptions options, IProgress<string>? progress) : IDisposable
{
    /// <summary>Per worker: half receives a GET's body, half holds the bytes expected (see S3Requests).</summary>
    private const int ReceiveBufferBytes = 512 << 10;

    private const int MonitorMilliseconds = 50;

    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _stopLock = new();
    private S3StopReason? _stopReason;
    private long _stopTicks;
    private string? _failure;
    private long _consecutiveErrors;
    private long _measuredOperations;
    private long _doneOperations;
    private long _errors;
    private long _warmupEndTicks;
    private LiveSegments? _live;
    private (long Ticks, TimeSpan Cpu)? _cpuAtWindowStart;
    private ProcessCpu? _cpu;

    public async Task<S3LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        long start = requests.Now();
        _warmupEndTicks = start + Ticks(options.Warmup);
        long endTicks = _warmupEndTicks + Ticks(options.Duration);
        _live = new LiveSegments(_warmupEndTicks, Math.Max(1, Ticks(options.Segment)), options.Mix.Operations.Any(o => o.MovesData()));
        if (options.Warmup <= TimeSpan.Zero)
        {
            _cpuAtWindowStart = ProcessCpu.Read();
        }

        using CancellationTokenRegistration onCancel = cancellationToken.Register(() => Stop(S3StopReason.Cancelled));
        var perWorker = new List<RequestRecord>[options.Concurrency];
        Task[] workers = new Task[options.Concurrency];
        for (int i = 0; i < workers.Length; i++)
        {
            int index = i;
            perWorker[index] = new List<RequestRecord>(1024);
            workers[index] = Task.Run(() => WorkerAsync(index, perWorker[index], cancellationToken), CancellationToken.None);
        }

        Task monitor = MonitorAsync(start, endTicks);
        try
        {
            await Task.WhenAll(workers);
        }
        finally
        {
            Stop(S3StopReason.Duration); // every worker ended on its own (no objects left): close the window now
            await monitor;
        }

        List<RequestRecord> records = perWorker.SelectMany(r => r).OrderBy(r => r.StartTicks).ToList();
        return new S3LoadResult(records, _warmupEndTicks, Math.Max(_warmupEndTicks, _stopTicks), _stopReason ?? S3StopReason.Duration, _failure, _cpu);
    }

    private async Task WorkerAsync(int index, List<RequestRecord> records, CancellationToken cancellationToken)
    {
        var random = new Random(HashCode.Combine(index, 0x5eed));
        byte[] buffer = new byte[ReceiveBufferBytes];
        bool single = options.Mix.Weights.Count == 1;
        while (!_stop.IsCancellationRequested)
        {
            S3Operation operation = options.Mix.Pick(random.NextDouble());
            StoredObject target = default;
            bool taken = false;
            if (operation is S3Operation.Put or S3Operation.MultipartPut)
            {
                long id = objects.NewId();
                target = new StoredObject(id, requests.Workload.SizeOf(id));
            }
            else if (operation.TakesAnObject())
            {
                taken = objects.TryTake(random, out target);
                if (!taken)
                {
                    if (objects.Count == 0 && single)
                    {
                        Stop(S3StopReason.NoObjectsLeft);
                        break;
                    }

                    // Every object is being worked on by another worker (or the mix deleted them all): wait briefly,
                    // or write one when the mix can.
                    if (!options.Mix.Operations.Contains(S3Operation.Put))
                    {
                        await Task.Delay(1, CancellationToken.None);
                        continue;
                    }

                    operation = S3Operation.Put;
                    long id = objects.NewId();
                    target = new StoredObject(id, requests.Workload.SizeOf(id));
                }
            }

            RequestRecord record;
            Exception? failure;
            try
            {
                (record, failure) = await requests.ExecuteAsync(operation, target, options.ExpectedListKeys, buffer, random, cancellationToken);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C: the request was abandoned (cancelled, or its connection torn down under it).
                if (taken)
                {
                    objects.Return(target);
                }

                break;
            }

            if (taken)
            {
                if (operation == S3Operation.Delete && record.Succeeded)
                {
                    objects.Drop();
                }
                else
                {
                    objects.Return(target);
                }
            }
            else if (record.Succeeded && operation is S3Operation.Put or S3Operation.MultipartPut)
            {
                objects.Add(target);
            }

            records.Add(record);
            Count(record, failure);
        }
    }

    private void Count(RequestRecord record, Exception? failure)
    {
        if (record.Succeeded)
        {
            Interlocked.Exchange(ref _consecutiveErrors, 0);
            Interlocked.Increment(ref _doneOperations);
            _live!.Add(record);
        }
        else
        {
            Interlocked.Increment(ref _errors);
            if (Interlocked.Increment(ref _consecutiveErrors) >= options.MaxConsecutiveErrors)
            {
                string what = failure is null ? record.Error.Name() : S3Failure.Describe(failure, record.Error == RequestError.Timeout, requests.Workload.Timeout);
                Stop(S3StopReason.EndpointFailed,
                    $"{options.MaxConsecutiveErrors} requests in a row failed; the last: {record.Operation.Name()} {what}");
            }
        }

        if (record.StartTicks >= _warmupEndTicks && options.OperationLimit is long limit
            && Interlocked.Increment(ref _measuredOperations) >= limit)
        {
            Stop(S3StopReason.OperationLimit);
        }
    }

    private async Task MonitorAsync(long start, long endTicks)
    {
        long lastProgress = start;
        LiveSegments live = _live!;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                // Wakes at the end of the warm-up too, to read the CPU time where the window starts.
                long untilWindow = _warmupEndTicks - requests.Now();
                TimeSpan wait = _cpuAtWindowStart is null && untilWindow > 0 && untilWindow < Ticks(TimeSpan.FromMilliseconds(MonitorMilliseconds))
                    ? TimeSpan.FromSeconds(untilWindow / (double)Stopwatch.Frequency) : TimeSpan.FromMilliseconds(MonitorMilliseconds);
                await Task.Delay(wait, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            long now = requests.Now();
            if (now >= _warmupEndTicks)
            {
                lock (_stopLock)
                {
                    _cpuAtWindowStart ??= ProcessCpu.Read();
                }
            }

            if (now >= endTicks)
            {
                Stop(S3StopReason.Duration);
                break;
            }

            live.Drain();
            IReadOnlyList<double> segments = live.Final(now);
            if (options.AutoTerminate is { } settling
                && HasSettled(segments, (int)Math.Ceiling(settling.Window / options.Segment), settling.Tolerance))
            {
                Stop(S3StopReason.Settled);
                break;
            }

            if (now - lastProgress >= Stopwatch.Frequency)
            {
                lastProgress = now;
                double elapsed = (now - start) / (double)Stopwatch.Frequency;
                string figure = segments.Count == 0 ? "-" : live.ByBytes ? DataRateText(segments[^1]) : $"{segments[^1]:0.#} op/s";
                string phase = now < _warmupEndTicks ? "warm-up" : "measuring";
                progress?.Report($"{phase} {elapsed:0} s: {figure}, {Interlocked.Read(ref _doneOperations)} done, {Interlocked.Read(ref _errors)} errors");
            }
        }
    }

    /// <summary>warp's autoterm: enough time measured, and the last window's segments all near their median.</summary>
    internal static bool HasSettled(IReadOnlyList<double> segments, int windowSegments, double tolerance)
    {
        int window = Math.Max(3, windowSegments);
        if (segments.Count < window)
        {
            return false;
        }

        double[] last = segments.Skip(segments.Count - window).Order().ToArray();
        double median = last[last.Length / 2];
        return median > 0 && last.All(v => Math.Abs(v - median) <= tolerance * median);
    }

    public void Dispose() => _stop.Dispose();

    private void Stop(S3StopReason reason, string? failure = null)
    {
        lock (_stopLock)
        {
            if (_stopReason is not null)
            {
                return;
            }

            _stopReason = reason;
            _failure = failure;
            _stopTicks = requests.Now();
            if (_cpuAtWindowStart is { } windowStart)
            {
                _cpu = ProcessCpu.Between(windowStart, ProcessCpu.Read());
            }
        }

        _stop.Cancel();
    }

    private static string DataRateText(double bytesPerSecond) => UnitFormatter.Format(bytesPerSecond, Unit.BytesPerSecond);

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
