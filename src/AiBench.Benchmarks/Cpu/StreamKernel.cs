namespace AiBench.Benchmarks.Cpu;

/// <summary>McCalpin's STREAM kernels; the numbers are the C engine's <c>aib_stream_kernel</c> values.</summary>
internal enum StreamKernel
{
    /// <summary>c = a</summary>
    Copy = 0,

    /// <summary>b = s·c</summary>
    Scale = 1,

    /// <summary>c = a + b</summary>
    Add = 2,

    /// <summary>a = b + s·c</summary>
    Triad = 3,
}

internal static class StreamKernels
{
    public static IReadOnlyList<string> Names { get; } = ["copy", "scale", "add", "triad"];

    public static StreamKernel Parse(string name) => name.ToLowerInvariant() switch
    {
        "copy" => StreamKernel.Copy,
        "scale" => StreamKernel.Scale,
        "add" => StreamKernel.Add,
        "triad" => StreamKernel.Triad,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a STREAM kernel"),
    };

    public static string Name(this StreamKernel kernel) => Names[(int)kernel];

    /// <summary>
    /// Array elements read plus written per index, STREAM's convention: copy and scale 2, add and triad 3.
    /// The extra read a cache does to allocate a written line (write-allocate) is not counted, as in STREAM,
    /// so figures compare with STREAM, BabelStream and likwid-bench.
    /// </summary>
    public static int AccessesPerElement(this StreamKernel kernel) => kernel is StreamKernel.Copy or StreamKernel.Scale ? 2 : 3;
}
