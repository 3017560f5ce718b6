namespace AiBench.Core.Units;

/// <summary>The canonical SI units of measurements. Every figure is stored in one of these and only scaled for display.</summary>
public static class Unit
{
    public const string BytesPerSecond = "B/s";
    public const string FlopsPerSecond = "FLOP/s";
    public const string OperationsPerSecond = "op/s";
    public const string Seconds = "s";
    public const string Bytes = "B";
    public const string Ratio = "ratio";

    /// <summary>A plain number of events (failed requests); shown without prefixes.</summary>
    public const string Count = "count";
}
