using System.Runtime.InteropServices;

namespace AiBench.Benchmarks.Cluster;

/// <summary>Page-aligned native memory for the pair tests (a send half and a receive half), filled so pages are touched.</summary>
public sealed unsafe class PairBuffer : IDisposable
{
    private byte* _memory;

    public PairBuffer(long bytes)
    {
        Bytes = Math.Max(bytes, 1);
        _memory = (byte*)NativeMemory.AlignedAlloc((nuint)Bytes, 4096);
        new Span<byte>(_memory, checked((int)Bytes)).Fill(0x5a);
    }

    public long Bytes { get; }

    public byte* Pointer => _memory != null ? _memory : throw new ObjectDisposedException(nameof(PairBuffer));

    public void Dispose()
    {
        if (_memory != null)
        {
            NativeMemory.AlignedFree(_memory);
            _memory = null;
        }
    }
}
