using AiBench.Cuda.SafeHandles;

namespace AiBench.Cuda;

/// <summary>A loaded module (CUBIN or PTX, e.g. from <see cref="NvrtcCompiler"/>) and the kernels in it.</summary>
public sealed class CudaModule : IDisposable
{
    private CudaModule(SafeCudaModuleHandle handle) => Handle = handle;

    internal SafeCudaModuleHandle Handle { get; }

    /// <summary><c>cuModuleLoadData</c>: CUBIN bytes, or PTX text ending in a NUL byte.</summary>
    public static unsafe CudaModule Load(CudaContext context, ReadOnlySpan<byte> image)
    {
        fixed (byte* pointer = image)
        {
            CudaException.ThrowIfFailed(Interop.Cuda.cuModuleLoadData(out nint module, pointer));
            var handle = new SafeCudaModuleHandle();
            handle.Attach(context.Handle, module);
            return new CudaModule(handle);
        }
    }

    /// <summary>An <c>extern "C"</c> <c>__global__</c> function of the module.</summary>
    public CudaKernel GetKernel(string name)
    {
        CudaException.ThrowIfFailed(Interop.Cuda.cuModuleGetFunction(out nint function, Handle, name));
        return new CudaKernel(this, function, name);
    }

    public void Dispose() => Handle.Dispose();
}
