namespace AiBench.Benchmarks.Cpu;

/// <summary>
/// The three STREAM arrays of one case, first-touched by the threads that will stream them, and the calls that
/// run, time and check kernels over them. Owns the native memory.
/// </summary>
internal sealed unsafe class StreamArrays : IDisposable
{
    /// <summary>STREAM's scalar.</summary>
    public const double Scalar = 3.0;

    private readonly NativeArrayHandle _a;
    private readonly NativeArrayHandle _b;
    private readonly NativeArrayHandle _c;
    private readonly int _threads;

    private StreamArrays(NativeArrayHandle a, NativeArrayHandle b, NativeArrayHandle c, long elements, int threads)
    {
        _a = a;
        _b = b;
        _c = c;
        Elements = elements;
        _threads = threads;
    }

    public long Elements { get; }

    /// <summary>Allocates and initialises three arrays of <paramref name="elements"/> doubles; threads 0 = all.</summary>
    public static StreamArrays Create(long elements, int threads)
    {
        long bytes = checked(elements * sizeof(double));
        NativeArrayHandle? a = null, b = null, c = null;
        try
        {
            a = NativeArrayHandle.Allocate(bytes);
            b = NativeArrayHandle.Allocate(bytes);
            c = NativeArrayHandle.Allocate(bytes);
            Interop.StreamEngine.ThrowIfFailed(
                Interop.StreamEngine.Initialize(a.Doubles, b.Doubles, c.Doubles, (nuint)elements, threads), "initialisation");
            var arrays = new StreamArrays(a, b, c, elements, threads);
            a = b = c = null;
            return arrays;
        }
        finally
        {
            a?.Dispose();
            b?.Dispose();
            c?.Dispose();
        }
    }

    /// <summary>Runs a kernel <paramref name="repetitions"/> times back to back; returns the seconds the C engine measured.</summary>
    public double Run(StreamKernel kernel, int repetitions)
    {
        int status = Interop.StreamEngine.Run(
            (int)kernel, _a.Doubles, _b.Doubles, _c.Doubles, (nuint)Elements, Scalar, repetitions, _threads, out double seconds);
        Interop.StreamEngine.ThrowIfFailed(status, "run");
        return seconds;
    }

    /// <summary>Checks every element against the value <paramref name="kernel"/> must have left (STREAM's checkSTREAMresults).</summary>
    public (long Checked, long Wrong) Validate(StreamKernel kernel)
    {
        int status = Interop.StreamEngine.Validate(
            (int)kernel, _a.Doubles, _b.Doubles, _c.Doubles, (nuint)Elements, Scalar, _threads, out long checkedCount, out long wrong);
        Interop.StreamEngine.ThrowIfFailed(status, "validation");
        return (checkedCount, wrong);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
        _c.Dispose();
    }
}
