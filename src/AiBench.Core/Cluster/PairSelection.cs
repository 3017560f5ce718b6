using System.Globalization;
using AiBench.Core.Errors;

namespace AiBench.Core.Cluster;

public enum PairSelectionKind
{
    /// <summary>Every pair once: a round-robin tournament.</summary>
    All,

    /// <summary>Each node with its next neighbour (i, i+1 mod n).</summary>
    Ring,

    /// <summary>Every node in at least <see cref="PairSelection.PeersPerNode"/> distinct random pairs.</summary>
    Random,
}

/// <summary>Which node pairs the pair phase measures: the suite parameter <c>pairs</c> (<c>all</c>, <c>ring</c>, <c>random:K</c>).</summary>
public sealed record PairSelection(PairSelectionKind Kind, int PeersPerNode = 0)
{
    public const string Parameter = "pairs";

    public static PairSelection All { get; } = new(PairSelectionKind.All);

    public static PairSelection Ring { get; } = new(PairSelectionKind.Ring);

    public static PairSelection Random(int peersPerNode) =>
        peersPerNode >= 1 ? new(PairSelectionKind.Random, peersPerNode) : throw new BadInputException(Invalid($"random:{peersPerNode}"));

    /// <summary>Parses <c>all</c>, <c>ring</c> or <c>random:K</c> (K ≥ 1), ignoring case and surrounding blanks.</summary>
    /// <exception cref="BadInputException">Anything else.</exception>
    public static PairSelection Parse(string text)
    {
        string value = text.Trim();
        if (value.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return All;
        }

        if (value.Equals("ring", StringComparison.OrdinalIgnoreCase))
        {
            return Ring;
        }

        const string prefix = "random:";
        if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(value.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k >= 1)
        {
            return new PairSelection(PairSelectionKind.Random, k);
        }

        throw new BadInputException(Invalid(text));
    }

    public override string ToString() => Kind switch
    {
        PairSelectionKind.All => "all",
        PairSelectionKind.Ring => "ring",
        _ => $"random:{PeersPerNode.ToString(CultureInfo.InvariantCulture)}",
    };

    private static string Invalid(string text) =>
        $"{Parameter}: '{text}' is not a pair selection; use all, ring or random:K with K a whole number of at least 1";
}
