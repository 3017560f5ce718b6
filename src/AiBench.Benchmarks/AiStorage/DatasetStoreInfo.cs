namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// What the dataset's figures say of where it was read from: the store, whether it was reused, where it stays (null:
/// removed), what clean-up left.
/// </summary>
internal sealed record DatasetStoreInfo(IShardStore Store, bool Reused, string? KeptAt, string? Cleanup);
