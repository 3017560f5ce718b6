namespace AiBench.Core.Cluster;

/// <summary>Two nodes of a pair-phase round by index (rank order of the nodes), the lower index first.</summary>
public readonly record struct NodePair
{
    public NodePair(int a, int b)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(b, a);
        A = a;
        B = b;
    }

    public int A { get; }

    public int B { get; }

    /// <summary>The pair of two distinct nodes in either order.</summary>
    public static NodePair Of(int x, int y) => x < y ? new NodePair(x, y) : new NodePair(y, x);

    public void Deconstruct(out int a, out int b)
    {
        a = A;
        b = B;
    }
}
