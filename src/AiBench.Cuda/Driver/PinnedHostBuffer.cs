using AiBench.Cuda.SafeHandles;

namespace AiBench.Cuda;

/// <summary>Page-locked host memory (<c>cuMemAllocHost_v2</c>), which the copy engines read and write by DMA.</summary>
public sealed class PinnedHostBuffer : IDisposable
{
    private readonly SafePinnedHostMemoryHandle _handle;

    private PinnedHostBuffer(SafePinnedHostMemoryHandle handle, long sizeBytes)
    {
        _handle = handle;
        Pointer = handle.DangerousGetHandle();
        SizeBytes = sizeBytes;
    }

    public nint Pointer { get; }

    public long SizeBytes { get; }

    public long Length<T>()
        where T : unmanaged => SizeBytes / System.Runtime.CompilerServices.Unsafe.SizeOf<T>();

    public static PinnedHostBuffer Allocate(CudaContext context, long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        CudaException.ThrowIfFailed(Interop.Cuda.cuMemAllocHost_v2(out nint pointer, (nuint)bytes));
        var handle = new SafePinnedHostMemoryHandle();
        handle.Attach(context.Handle, pointer);
        return new PinnedHostBuffer(handle, bytes);
    }

    /// <summary>A window of the buffer as <typeparamref name="T"/>s (a span holds at most int.MaxValue elements).</summary>
    public unsafe Span<T> AsSpan<T>(long start, int length)
        where T : unmanaged
    {
        if (start < 0 || length < 0 || (start + length) * sizeof(T) > SizeBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"[{start}, {start + length}) is outside the buffer");
        }

        return new Span<T>((T*)Pointer + start, length);
    }

    public void Dispose() => _handle.Dispose();

    internal void CheckRange(long bytes)
    {
        if (bytes < 0 || bytes > SizeBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, $"the buffer holds {SizeBytes} bytes");
        }
    }
}
