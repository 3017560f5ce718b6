using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>The three device arrays a, b, c of doubles (moved as 16-byte vectors), initialised per <see cref="StreamExpectation"/>.</summary>
internal sealed class StreamArrays : IDisposable
{
    private readonly GpuSession _session;
    private readonly StreamModule _module;

    private StreamArrays(GpuSession session, StreamModule module, DeviceBuffer a, DeviceBuffer b, DeviceBuffer c, long arrayBytes)
    {
        _session = session;
        _module = module;
        A = a;
        B = b;
        C = c;
        ArrayBytes = arrayBytes;
    }

    public DeviceBuffer A { get; }

    public DeviceBuffer B { get; }

    public DeviceBuffer C { get; }

    public long ArrayBytes { get; }

    /// <summary>Doubles per array.</summary>
    public long Elements => ArrayBytes / sizeof(double);

    /// <summary>16-byte vectors per array (what the kernels' n counts).</summary>
    public long Vectors => ArrayBytes / 16;

    public static StreamArrays Allocate(GpuSession session, StreamModule module, long arrayBytes)
    {
        var buffers = new List<DeviceBuffer>(3);
        try
        {
            for (int i = 0; i < 3; i++)
            {
                buffers.Add(DeviceBuffer.Allocate(session.Context, arrayBytes));
            }

            var arrays = new StreamArrays(session, module, buffers[0], buffers[1], buffers[2], arrayBytes);
            arrays.Initialise();
            return arrays;
        }
        catch
        {
            buffers.ForEach(buffer => buffer.Dispose());
            throw;
        }
    }

    public DeviceBuffer Get(StreamExpectation.Array array) => array switch
    {
        StreamExpectation.Array.A => A,
        StreamExpectation.Array.B => B,
        _ => C,
    };

    /// <summary>Counts the elements of <paramref name="array"/> that differ from <paramref name="expected"/> (relative 1e-12).</summary>
    public long CountWrong(DeviceBuffer array, double expected)
    {
        CudaKernel check = _module.Kernel("stream_check");
        using DeviceBuffer wrong = DeviceBuffer.Allocate(_session.Context, sizeof(ulong));
        wrong.Fill(0);
        var arguments = default(KernelArguments);
        arguments.Add(array);
        arguments.Add(Elements);
        arguments.Add(expected);
        arguments.Add(Math.Abs(expected) * 1e-12);
        arguments.Add(wrong);
        check.Launch(_session.FullGrid(check, StreamModule.BlockSize), StreamModule.BlockSize, _session.Stream, arguments);
        _session.Stream.Synchronize();
        ulong[] count = new ulong[1];
        wrong.CopyTo<ulong>(count);
        return (long)count[0];
    }

    public void Dispose()
    {
        C.Dispose();
        B.Dispose();
        A.Dispose();
    }

    private void Initialise()
    {
        CudaKernel init = _module.Kernel("stream_init");
        var arguments = default(KernelArguments);
        arguments.Add(A);
        arguments.Add(B);
        arguments.Add(C);
        arguments.Add(StreamExpectation.InitialA);
        arguments.Add(StreamExpectation.InitialB);
        arguments.Add(StreamExpectation.InitialC);
        arguments.Add(Vectors);
        init.Launch(_session.FullGrid(init, StreamModule.BlockSize), StreamModule.BlockSize, _session.Stream, arguments);
        _session.Stream.Synchronize();
    }
}
