using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// What mamf-finder's timed loop needs besides A, B and the output: a 256 MiB buffer to zero before every product (its
/// L2 flush) and a random matrix in the output type to copy over the output before every product (its "C_rand").
/// </summary>
internal sealed class MamfFinderBuffers : IDisposable
{
    private MamfFinderBuffers(DeviceBuffer flush, DeviceBuffer randomOutput)
    {
        Flush = flush;
        RandomOutput = randomOutput;
    }

    public DeviceBuffer Flush { get; }

    public DeviceBuffer RandomOutput { get; }

    /// <summary>Device bytes these buffers take for outputs of up to <paramref name="envelope"/>.</summary>
    public static long Bytes(MatmulShape envelope, MatmulDataType type) =>
        MamfFinderSettings.L2FlushBytes + envelope.M * envelope.N * type.OutputBytes;

    public static MamfFinderBuffers Allocate(GpuSession session, MatmulKernels kernels, MatmulDataType type, MatmulShape envelope)
    {
        long outputElements = envelope.M * envelope.N;
        DeviceBuffer flush = DeviceBuffer.Allocate(session.Context, MamfFinderSettings.L2FlushBytes);
        try
        {
            DeviceBuffer random = DeviceBuffer.Allocate(session.Context, outputElements * type.OutputBytes);
            kernels.Fill(random, outputElements, type.OutputFillKernel, 0xC0FFEE);
            kernels.Zero(flush);
            session.Stream.Synchronize();
            return new MamfFinderBuffers(flush, random);
        }
        catch
        {
            flush.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        RandomOutput.Dispose();
        Flush.Dispose();
    }
}
