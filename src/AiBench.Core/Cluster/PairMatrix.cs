namespace AiBench.Core.Cluster;

/// <summary>
/// An n × n matrix of one pair metric; <c>Values[i][j]</c> is from node i to node j (null: not measured, or i = j).
/// Matrices are only built for clusters of up to <see cref="MaxNodes"/> nodes: beyond that a dense matrix costs
/// n² cells (64 MB per metric in memory and megabytes of nulls in cluster.json at 2,048 nodes, where random:8
/// measures under 1% of the cells) and no one reads a heatmap of that size; the pair list carries every figure.
/// </summary>
public sealed record PairMatrix
{
    /// <summary>The most nodes a cluster may have for its matrices to be built (512² cells, 4 MB per metric).</summary>
    public const int MaxNodes = 512;

    public required string Metric { get; init; }

    public required string Unit { get; init; }

    public required IReadOnlyList<string> Nodes { get; init; }

    public required IReadOnlyList<IReadOnlyList<double?>> Values { get; init; }
}
