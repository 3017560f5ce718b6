namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>Hands out one token per request, each cancelled after the request timeout (or with the parent); disposes them all.</summary>
public sealed class RequestTimeouts(TimeSpan timeout, CancellationToken parent) : IDisposable
{
    private readonly List<CancellationTokenSource> _sources = [];

    public CancellationToken Next()
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(parent);
        source.CancelAfter(timeout);
        _sources.Add(source);
        return source.Token;
    }

    public void Dispose() => _sources.ForEach(s => s.Dispose());
}
