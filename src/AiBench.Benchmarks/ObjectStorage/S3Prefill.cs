using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>Writes the objects a reading operation needs before the timed load (not measured), with the same concurrency.</summary>
public static class S3Prefill
{
    public static async Task RunAsync(S3Requests requests, ObjectSet objects, long count, int concurrency, S3Endpoint endpoint,
        BenchmarkContext context, CancellationToken cancellationToken)
    {
        long next = 0, done = 0;
        string? failure = null;
        await Parallel.ForEachAsync(Enumerable.Range(0, concurrency), cancellationToken, async (_, token) =>
        {
            var random = new Random();
            while (failure is null && Interlocked.Increment(ref next) <= count)
            {
                long id = objects.NewId();
                var item = new StoredObject(id, requests.Workload.SizeOf(id));
                (RequestRecord record, Exception? error) = await requests.ExecuteAsync(S3Operation.Put, item, -1, [], random, token);
                if (!record.Succeeded)
                {
                    failure ??= error is null ? record.Error.Name()
                        : S3Failure.Describe(error, record.Error == RequestError.Timeout, requests.Workload.Timeout) + S3Scratch.ChecksumHint(error, endpoint);
                    return;
                }

                objects.Add(item);
                long written = Interlocked.Increment(ref done);
                if (written % Math.Max(1, count / 10) == 0)
                {
                    context.Report($"writing {count} objects first: {written} done");
                }
            }
        });
        cancellationToken.ThrowIfCancellationRequested();
        if (failure is not null)
        {
            throw new CouldNotRunException($"writing the objects to read at {endpoint.Display} failed: {failure}");
        }
    }
}
