namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>One request under a timeout of its own, linked to the operation's token (multipart uploads and reads time each part).</summary>
internal static class TimedRequest
{
    public static async Task<T> RunAsync<T>(TimeSpan timeout, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        return await call(source.Token).ConfigureAwait(false);
    }
}
