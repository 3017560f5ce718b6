using System.Runtime.InteropServices;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>Native memory aligned for O_DIRECT (4 KiB), freed on dispose; one per writer or reader thread.</summary>
internal sealed unsafe class AlignedBuffer : IDisposable
{
    public const int Alignment = 4096;
    private void* _memory;

    public AlignedBuffer(int length)
    {
        Length = length;
        _memory = NativeMemory.AlignedAlloc((nuint)length, Alignment);
    }

    public int Length { get; }

    public Span<byte> Span => _memory is null ? throw new ObjectDisposedException(nameof(AlignedBuffer)) : new Span<byte>(_memory, Length);

    public void Dispose()
    {
        NativeMemory.AlignedFree(_memory);
        _memory = null;
    }
}
