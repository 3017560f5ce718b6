namespace AiBench.Reporting.Text;

/// <summary>
/// Which parameter names are sizes, for run.json files older than 1.1 that do not describe their parameters
/// (<see cref="ParameterDisplay"/> reads the kinds and units of newer ones). Reports use this to show
/// <c>bytes=8 GiB</c> instead of 8589934592 and charts to put a size sweep on a log2 axis.
/// </summary>
public static class ParameterNames
{
    private static readonly string[] ByteSizeNames = ["bytes", "size", "block_size", "blocksize", "bs", "object_size", "message_size"];

    // Element counts and matrix dimensions sweep geometrically too, but are not bytes.
    private static readonly string[] CountNames = ["m", "n", "k", "elements", "count", "length"];

    /// <summary>True for parameters whose value is a number of bytes.</summary>
    public static bool IsByteSize(string name)
    {
        string lower = name.ToLowerInvariant();
        return ByteSizeNames.Contains(lower) || lower.EndsWith("_bytes", StringComparison.Ordinal)
            || lower.EndsWith("_size", StringComparison.Ordinal);
    }

    /// <summary>True for parameters that are usually swept by a factor (sizes, dimensions, counts).</summary>
    public static bool IsSizeLike(string name) => IsByteSize(name) || CountNames.Contains(name.ToLowerInvariant());

    /// <summary>Preference among several varying size-like parameters: bytes first, then sizes, then dimensions.</summary>
    public static int SweepPriority(string name)
    {
        string lower = name.ToLowerInvariant();
        int byteIndex = Array.IndexOf(ByteSizeNames, lower);
        if (byteIndex >= 0)
        {
            return byteIndex;
        }

        if (IsByteSize(name))
        {
            return ByteSizeNames.Length;
        }

        int countIndex = Array.IndexOf(CountNames, lower);
        return ByteSizeNames.Length + 1 + (countIndex >= 0 ? countIndex : CountNames.Length);
    }
}
