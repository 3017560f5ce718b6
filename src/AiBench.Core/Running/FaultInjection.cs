using System.Globalization;
using AiBench.Core.Errors;

namespace AiBench.Core.Running;

/// <summary>
/// Faults the multi-process tests inject into a real run: a rank that corrupts its contribution to a collective, a rank
/// that hangs before the sweep's second size. <see cref="None"/> in every production run. The one seam: the CLI reads
/// <see cref="Variable"/> at its composition root; nothing else looks for test switches.
/// </summary>
public sealed record FaultInjection(int? CorruptRank = null, int? HangRank = null)
{
    public const string Variable = "AIBENCH_FAULT_INJECTION";

    public static FaultInjection None { get; } = new();

    /// <summary>Reads <c>corrupt-rank=N</c> and <c>hang-rank=N</c>, comma-separated; null or empty is <see cref="None"/>.</summary>
    public static FaultInjection Parse(string? text)
    {
        var faults = None;
        foreach (string part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] pair = part.Split('=', 2);
            int rank = pair.Length == 2 && int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out int r)
                ? r
                : throw new BadInputException($"{Variable}: '{part}' must be corrupt-rank=N or hang-rank=N");
            faults = pair[0] switch
            {
                "corrupt-rank" => faults with { CorruptRank = rank },
                "hang-rank" => faults with { HangRank = rank },
                _ => throw new BadInputException($"{Variable}: unknown fault '{pair[0]}' (corrupt-rank, hang-rank)"),
            };
        }

        return faults;
    }
}
