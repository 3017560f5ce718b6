namespace AiBench.Core.Benchmarks;

/// <summary>Whether a benchmark can run on this machine, and if not, why (shown by <c>aibench list</c>).</summary>
public sealed record Availability(bool IsReady, string? Reason)
{
    public static Availability Ready { get; } = new(true, null);

    public static Availability Unavailable(string reason) => new(false, reason);

    public override string ToString() => IsReady ? "ready" : $"unavailable: {Reason}";
}
