namespace AiBench.Benchmarks.Collectives;

/// <summary>
/// Blocking MPI work on a background thread of its own, awaited for a bounded time: a dead or hung peer leaves a rank
/// blocked inside MPI, which no cancellation reaches, so the caller stops waiting instead (and leaves the thread).
/// </summary>
internal static class BlockingWork
{
    /// <summary>The work's result; throws <see cref="TimeoutException"/> when it takes longer than <paramref name="timeout"/>.</summary>
    public static Task<T> RunAsync<T>(Func<T> work, TimeSpan timeout, string threadName)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = threadName,
        };
        thread.Start();
        return done.Task.WaitAsync(timeout);
    }
}
