namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>An object this run wrote: its id (which fixes its key and content) and size.</summary>
public readonly record struct StoredObject(long Id, long Size);
