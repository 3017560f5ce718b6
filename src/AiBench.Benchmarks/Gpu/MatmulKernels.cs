using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// gpu.matmul's own kernels, compiled by NVRTC for the device: fill.cu (random inputs, never zero; mamf-finder's L2
/// flush) and reference.cu (the fp64 check of sampled outputs).
/// </summary>
internal sealed class MatmulKernels : IDisposable
{
    /// <summary>Inputs are ±[<see cref="LowMagnitude"/>, <see cref="HighMagnitude"/>): exact in every format, never zero.</summary>
    public const double LowMagnitude = 0.125;

    public const double HighMagnitude = 1.0;

    public const int MaxCheckedElements = 4096;

    private const int BlockSize = 256;
    private const ulong CheckSeed = 0x5EED_C0DE_1234_5678UL;

    private readonly GpuSession _session;
    private readonly CudaModule _fill;
    private readonly CudaModule _reference;

    private MatmulKernels(GpuSession session, CudaModule fill, CudaModule reference)
    {
        _session = session;
        _fill = fill;
        _reference = reference;
    }

    public static MatmulKernels Load(GpuSession session)
    {
        CudaModule fill = KernelImageCache.LoadModule(session.Context, "fill.cu");
        try
        {
            return new MatmulKernels(session, fill, KernelImageCache.LoadModule(session.Context, "reference.cu"));
        }
        catch
        {
            fill.Dispose();
            throw;
        }
    }

    /// <summary>Enqueues a fill of <paramref name="elements"/> values with <paramref name="kernelName"/> (fill_bf16, ...).</summary>
    public void Fill(DeviceBuffer buffer, long elements, string kernelName, ulong seed)
    {
        CudaKernel kernel = _fill.GetKernel(kernelName);
        var arguments = default(KernelArguments);
        arguments.Add(buffer);
        arguments.Add(elements);
        arguments.Add(seed);
        arguments.Add(LowMagnitude);
        arguments.Add(HighMagnitude);
        kernel.Launch(_session.FullGrid(kernel, BlockSize), BlockSize, _session.Stream, arguments);
    }

    /// <summary>Enqueues zeros over the whole of <paramref name="buffer"/> (mamf-finder's L2 flush; no wait).</summary>
    public void Zero(DeviceBuffer buffer)
    {
        CudaKernel kernel = _fill.GetKernel("fill_zero_u32");
        var arguments = default(KernelArguments);
        arguments.Add(buffer);
        arguments.Add(buffer.SizeBytes / sizeof(uint));
        kernel.Launch(_session.FullGrid(kernel, BlockSize), BlockSize, _session.Stream, arguments);
    }

    /// <summary>Checks sampled elements of D = op(A)·op(B) (the TN layout) against the fp64 reference.</summary>
    public MatmulCheck Check(MatmulDataType type, MatmulShape shape, ulong a, ulong b, ulong d)
    {
        int samples = (int)Math.Min(MaxCheckedElements, shape.M * shape.N);
        MatmulTolerance tolerance = MatmulTolerance.For(type, shape.K);
        using DeviceBuffer ratios = DeviceBuffer.Allocate(_session.Context, samples * sizeof(double));
        var arguments = default(KernelArguments);
        arguments.Add(a);
        arguments.Add(b);
        arguments.Add(d);
        arguments.Add(shape.M);
        arguments.Add(shape.N);
        arguments.Add(shape.K);
        arguments.Add(CheckSeed);
        arguments.Add(tolerance.RelativeToReference);
        arguments.Add(tolerance.RelativeToNorm);
        arguments.Add(ratios);
        _reference.GetKernel(type.CheckKernel).Launch((uint)samples, BlockSize, _session.Stream, arguments);
        _session.Stream.Synchronize();
        double[] host = new double[samples];
        ratios.CopyTo<double>(host);
        return MatmulCheck.FromRatios(host);
    }

    public void Dispose()
    {
        _reference.Dispose();
        _fill.Dispose();
    }
}
