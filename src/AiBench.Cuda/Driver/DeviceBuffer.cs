using System.Runtime.InteropServices;
using AiBench.Cuda.SafeHandles;

namespace AiBench.Cuda;

/// <summary>Device memory (<c>cuMemAlloc_v2</c>: 256-byte aligned) and the copies that involve it.</summary>
public sealed class DeviceBuffer : IDisposable
{
    private readonly SafeDeviceMemoryHandle _handle;

    private DeviceBuffer(SafeDeviceMemoryHandle handle, long sizeBytes)
    {
        _handle = handle;
        Pointer = handle.DevicePointer;
        SizeBytes = sizeBytes;
    }

    /// <summary>The device address (<c>CUdeviceptr</c>); valid until disposed.</summary>
    public ulong Pointer { get; }

    public long SizeBytes { get; }

    public static DeviceBuffer Allocate(CudaContext context, long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        CudaException.ThrowIfFailed(Interop.Cuda.cuMemAlloc_v2(out ulong pointer, (nuint)bytes));
        var handle = new SafeDeviceMemoryHandle();
        handle.Attach(context.Handle, (nint)pointer);
        return new DeviceBuffer(handle, bytes);
    }

    /// <summary>Synchronous copy from managed memory into the start of the buffer.</summary>
    public unsafe void CopyFrom<T>(ReadOnlySpan<T> source)
        where T : unmanaged
    {
        long bytes = (long)source.Length * sizeof(T);
        CheckRange(bytes);
        fixed (T* pointer = source)
        {
            CudaException.ThrowIfFailed(Interop.Cuda.cuMemcpyHtoD_v2(Pointer, pointer, (nuint)bytes));
        }
    }

    /// <summary>Synchronous copy of the start of the buffer into managed memory.</summary>
    public unsafe void CopyTo<T>(Span<T> destination)
        where T : unmanaged
    {
        long bytes = (long)destination.Length * sizeof(T);
        CheckRange(bytes);
        fixed (T* pointer = destination)
        {
            CudaException.ThrowIfFailed(Interop.Cuda.cuMemcpyDtoH_v2(pointer, Pointer, (nuint)bytes));
        }
    }

    /// <summary>Sets every byte to <paramref name="value"/> (synchronous).</summary>
    public void Fill(byte value) => CudaException.ThrowIfFailed(Interop.Cuda.cuMemsetD8_v2(Pointer, value, (nuint)SizeBytes));

    /// <summary>Enqueues a copy of <paramref name="bytes"/> from pinned host memory (copy engine).</summary>
    public void CopyFromHostAsync(PinnedHostBuffer source, long bytes, CudaStream stream)
    {
        CheckRange(bytes);
        source.CheckRange(bytes);
        CudaException.ThrowIfFailed(Interop.Cuda.cuMemcpyHtoDAsync_v2(Pointer, source.Pointer, (nuint)bytes, stream.Handle));
    }

    /// <summary>Enqueues a copy of <paramref name="bytes"/> into pinned host memory (copy engine).</summary>
    public void CopyToHostAsync(PinnedHostBuffer destination, long bytes, CudaStream stream)
    {
        CheckRange(bytes);
        destination.CheckRange(bytes);
        CudaException.ThrowIfFailed(Interop.Cuda.cuMemcpyDtoHAsync_v2(destination.Pointer, Pointer, (nuint)bytes, stream.Handle));
    }

    /// <summary>Enqueues a device-to-device copy of <paramref name="bytes"/> from <paramref name="source"/>.</summary>
    public void CopyFromDeviceAsync(DeviceBuffer source, long bytes, CudaStream stream)
    {
        CheckRange(bytes);
        source.CheckRange(bytes);
        CudaException.ThrowIfFailed(Interop.Cuda.cuMemcpyDtoDAsync_v2(Pointer, source.Pointer, (nuint)bytes, stream.Handle));
    }

    public void Dispose() => _handle.Dispose();

    private void CheckRange(long bytes)
    {
        if (bytes < 0 || bytes > SizeBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, $"the buffer holds {SizeBytes} bytes");
        }
    }
}
