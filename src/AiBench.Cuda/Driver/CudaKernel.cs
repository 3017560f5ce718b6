namespace AiBench.Cuda;

/// <summary>A kernel of a loaded <see cref="CudaModule"/> (valid while the module is).</summary>
public sealed class CudaKernel
{
    private readonly nint _function;

    internal CudaKernel(CudaModule module, nint function, string name)
    {
        Module = module;
        _function = function;
        Name = name;
    }

    public CudaModule Module { get; }

    public string Name { get; }

    /// <summary>Resident blocks of <paramref name="blockSize"/> threads per multiprocessor (occupancy calculator).</summary>
    public int MaxActiveBlocksPerMultiprocessor(int blockSize, long dynamicSharedMemoryBytes = 0)
    {
        CudaException.ThrowIfFailed(Interop.Cuda.cuOccupancyMaxActiveBlocksPerMultiprocessor(
            out int blocks, _function, blockSize, (nuint)dynamicSharedMemoryBytes));
        return blocks;
    }

    /// <summary>Enqueues a 1-D launch; allocation-free (arguments are copied to the stack).</summary>
    public unsafe void Launch(uint gridSize, uint blockSize, CudaStream stream, in KernelArguments arguments, uint sharedMemoryBytes = 0)
    {
        int count = arguments.Count;
        ulong* values = stackalloc ulong[KernelArguments.Capacity];
        void** pointers = stackalloc void*[KernelArguments.Capacity];
        for (int i = 0; i < count; i++)
        {
            values[i] = arguments[i];
            pointers[i] = values + i;
        }

        CudaException.ThrowIfFailed(Interop.Cuda.cuLaunchKernel(
            _function, gridSize, 1, 1, blockSize, 1, 1, sharedMemoryBytes, stream.Handle, pointers, null));
        GC.KeepAlive(Module);
    }
}
