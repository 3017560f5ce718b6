namespace AiBench.Core.Cluster;

/// <summary>An n × n matrix of one pair metric; <c>Values[i][j]</c> is from node i to node j (null: not measured, or i = j).</summary>
public sealed record PairMatrix
{
    public required string Metric { get; init; }

    public required string Unit { get; init; }

    public required IReadOnlyList<string> Nodes { get; init; }

    public required IReadOnlyList<IReadOnlyList<double?>> Values { get; init; }
}
