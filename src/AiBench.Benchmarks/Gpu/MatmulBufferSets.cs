using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// The A, B and D buffers gpu.matmul rotates through, sized for the largest shape it will run (smaller shapes of a
/// mamf grid use the start of each buffer) and filled once with random values: inputs with the input type, D with
/// the output type, so an output the product failed to write cannot pass the check.
/// </summary>
internal sealed class MatmulBufferSets : IDisposable
{
    private readonly List<DeviceBuffer> _buffers;

    private MatmulBufferSets(List<DeviceBuffer> buffers, ulong[] a, ulong[] b, ulong[] d, long bytesPerSet)
    {
        _buffers = buffers;
        Output0 = buffers[2];
        A = a;
        B = b;
        D = d;
        BytesPerSet = bytesPerSet;
    }

    /// <summary>Device addresses of set i's matrices, as arrays so the timed loop indexes without allocating.</summary>
    public ulong[] A { get; }

    public ulong[] B { get; }

    public ulong[] D { get; }

    /// <summary>Set 0's output buffer (mamf-finder's method rewrites it before every product).</summary>
    public DeviceBuffer Output0 { get; }

    public int Count => A.Length;

    public long BytesPerSet { get; }

    public static MatmulBufferSets Allocate(GpuSession session, MatmulKernels kernels, MatmulDataType type, MatmulShape envelope, int count)
    {
        long aElements = envelope.M * envelope.K;
        long bElements = envelope.K * envelope.N;
        long dElements = envelope.M * envelope.N;
        var buffers = new List<DeviceBuffer>(3 * count);
        ulong[] a = new ulong[count], b = new ulong[count], d = new ulong[count];
        try
        {
            for (int i = 0; i < count; i++)
            {
                DeviceBuffer bufferA = Add(buffers, DeviceBuffer.Allocate(session.Context, aElements * type.InputBytes));
                DeviceBuffer bufferB = Add(buffers, DeviceBuffer.Allocate(session.Context, bElements * type.InputBytes));
                DeviceBuffer bufferD = Add(buffers, DeviceBuffer.Allocate(session.Context, dElements * type.OutputBytes));
                ulong seed = (ulong)i * 3;
                kernels.Fill(bufferA, aElements, type.FillKernel, seed + 1);
                kernels.Fill(bufferB, bElements, type.FillKernel, seed + 2);
                kernels.Fill(bufferD, dElements, type.OutputFillKernel, seed + 3);
                (a[i], b[i], d[i]) = (bufferA.Pointer, bufferB.Pointer, bufferD.Pointer);
            }

            session.Stream.Synchronize();
            return new MatmulBufferSets(buffers, a, b, d, envelope.SetBytes(type.InputBytes, type.OutputBytes));
        }
        catch
        {
            buffers.ForEach(buffer => buffer.Dispose());
            throw;
        }
    }

    public void Dispose() => _buffers.ForEach(buffer => buffer.Dispose());

    private static DeviceBuffer Add(List<DeviceBuffer> buffers, DeviceBuffer buffer)
    {
        buffers.Add(buffer);
        return buffer;
    }
}
