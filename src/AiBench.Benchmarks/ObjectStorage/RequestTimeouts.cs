namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>Hands out one token per request, each cancelled after the request timeout (or with the parent); disposes them all.</summary>
public sealed class RequestTimeouts(TimeSpan timeout, CancellationToken parent) : IDisposable
{
    private readonly List<CancellationTokenSource> _sources = [];

    /// <summary>
    /// One request under a timeout of its own, linked to the operation's token, its source disposed when the call ends
    /// (the parts of a multipart upload or read, awaited in parallel, where a shared instance's list would not do).
    /// </summary>
    public static async Task<T> RunAsync<T>(TimeSpan timeout, Func<CancellationToken, Task<T>> call, CancellationToken parent)
    {
        using var source = CancellationTokenSource.CreateLinkedTokenSource(parent);
        source.CancelAfter(timeout);
        return await call(source.Token).ConfigureAwait(false);
    }

    public CancellationToken Next()
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(parent);
        source.CancelAfter(timeout);
        _sources.Add(source);
        return source.Token;
    }

    public void Dispose() => _sources.ForEach(s => s.Dispose());
}
