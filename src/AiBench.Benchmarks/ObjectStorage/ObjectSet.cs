namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// The objects that exist under the run's prefix. An operation takes one out while it works on it and gives it
/// back afterwards (or drops it, for a delete), so a GET never races a DELETE of the same key. Thread-safe; a
/// lock is cheap beside an HTTP request.
/// </summary>
public sealed class ObjectSet
{
    private readonly List<StoredObject> _ready = [];
    private readonly Lock _lock = new();
    private long _nextId;
    private int _taken;

    /// <summary>Objects at rest plus those being worked on.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _ready.Count + _taken;
            }
        }
    }

    /// <summary>A new id for an object about to be written.</summary>
    public long NewId() => Interlocked.Increment(ref _nextId) - 1;

    public void Add(StoredObject item)
    {
        lock (_lock)
        {
            _ready.Add(item);
        }
    }

    /// <summary>Takes a random object at rest; false when none is.</summary>
    public bool TryTake(Random random, out StoredObject item)
    {
        lock (_lock)
        {
            if (_ready.Count == 0)
            {
                item = default;
                return false;
            }

            int i = random.Next(_ready.Count);
            item = _ready[i];
            _ready[i] = _ready[^1];
            _ready.RemoveAt(_ready.Count - 1);
            _taken++;
            return true;
        }
    }

    /// <summary>Returns a taken object (it still exists).</summary>
    public void Return(StoredObject item)
    {
        lock (_lock)
        {
            _taken--;
            _ready.Add(item);
        }
    }

    /// <summary>Forgets a taken object (it was deleted).</summary>
    public void Drop()
    {
        lock (_lock)
        {
            _taken--;
        }
    }
}
