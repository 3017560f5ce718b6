namespace AiBench.Benchmarks.AiStorage;

/// <summary>One checkpoint written and restored over every rank: both phases, how much of it the cache still held before the
/// restore, and the 4 KiB chunks checked and found wrong.</summary>
internal sealed record CheckpointOutcome(PhaseResult Write, PhaseResult Restore, double CachedFraction, long CheckedChunks, long WrongChunks);
