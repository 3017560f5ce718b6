using System.Runtime.CompilerServices;

namespace AiBench.Cuda;

/// <summary>
/// The arguments of one kernel launch, by value, without allocation: each takes an 8-byte slot and the launch passes
/// a pointer to each slot (<c>cuLaunchKernel</c>'s <c>kernelParams</c>); the kernel reads as many bytes as its
/// parameter's type has, from the slot's start (little-endian). Pointers, 64-bit integers and doubles fill a slot;
/// 32-bit values use its low half.
/// </summary>
public struct KernelArguments
{
    public const int Capacity = 16;

    private Slots _slots;

    public int Count { get; private set; }

    public void Add(ulong value)
    {
        if (Count == Capacity)
        {
            throw new InvalidOperationException($"a launch takes at most {Capacity} arguments");
        }

        _slots[Count++] = value;
    }

    public void Add(long value) => Add(unchecked((ulong)value));

    public void Add(int value) => Add((ulong)unchecked((uint)value));

    public void Add(uint value) => Add((ulong)value);

    public void Add(double value) => Add(BitConverter.DoubleToUInt64Bits(value));

    public void Add(float value) => Add((ulong)BitConverter.SingleToUInt32Bits(value));

    public void Add(DeviceBuffer buffer) => Add(buffer.Pointer);

    public readonly ulong this[int index] =>
        (uint)index < (uint)Count ? _slots[index] : throw new ArgumentOutOfRangeException(nameof(index));

    [InlineArray(Capacity)]
    private struct Slots
    {
        private ulong _element;
    }
}
